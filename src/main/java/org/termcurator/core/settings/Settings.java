package org.termcurator.core.settings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's settings, stored as JSON in the config folder. Fields this version does not
 * know (written by a newer one) are kept and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class Settings {

    public static final int MAX_RECENT_PROJECTS = 10;
    public static final double DEFAULT_ROLLOUT_CPUS = 1;
    public static final long DEFAULT_ROLLOUT_MEMORY_MB = 2048;
    public static final long DEFAULT_ROLLOUT_STORAGE_MB = 10240;
    public static final long DEFAULT_RECORDING_BUDGET_MB = 20;

    public enum Theme { LIGHT, DARK }

    private Theme theme = Theme.LIGHT;
    /** Empty means DOCKER_HOST or the local daemon's default socket. */
    private String dockerHost = "";
    /** For tcp:// hosts: verify the engine's TLS certificate and present ours (from {@link #dockerCertPath}). */
    private boolean dockerTlsVerify;
    /** The folder with ca.pem, cert.pem and key.pem for a TLS engine; empty means DOCKER_CERT_PATH or ~/.docker. */
    private String dockerCertPath = "";
    private int defaultConcurrency = Math.max(1, Runtime.getRuntime().availableProcessors());
    private List<String> recentProjects = new ArrayList<>();
    private WindowBounds window;
    private String lastSection;
    /** How the window was left: divider positions, chosen columns, collapsed panes (key -> value). */
    private Map<String, String> layout = new LinkedHashMap<>();
    /** The NAME of the environment variable holding the LLM API key; the key itself is never stored. */
    private String apiKeyEnvVar = "OPENAI_API_KEY";
    /** Base-image map for task builds: FROM pattern (exact or glob with * and ?) -> local image. */
    private Map<String, String> baseImageMap = new LinkedHashMap<>();
    /** Where rollouts keep their work folders (casts, logs, results); empty means the system temp folder. */
    private String rolloutWorkRoot = "";
    /** The OpenAI-compatible endpoint the LLM rollout agent talks to (its key: {@link #getApiKeyEnvVar()}). */
    private AgentEndpoint agentEndpoint = AgentEndpoint.DEFAULT;
    /** CPUs of a rollout container whose task sets none (or 0); Harbor's default. */
    private double rolloutCpus = DEFAULT_ROLLOUT_CPUS;
    /** Memory of a rollout container whose task sets none (or 0), in MiB; Harbor's default. */
    private long rolloutMemoryMb = DEFAULT_ROLLOUT_MEMORY_MB;
    /** Disk a rollout container may write when its task sets no storage_mb (or 0), in MiB; Harbor's default. */
    private long rolloutStorageMb = DEFAULT_ROLLOUT_STORAGE_MB;
    /**
     * Whether image builds of tasks with allow_internet = false get a network (many Dockerfiles
     * run apt-get); off, such builds run with none. Tasks that allow the internet always build with it.
     */
    private boolean rolloutBuildNetwork;
    /** What one rollout recording (a cast) keeps, in MB: its first and last halves, the middle cut and marked. */
    private long recordingBudgetMb = DEFAULT_RECORDING_BUDGET_MB;
    private final Map<String, Object> unknown = new LinkedHashMap<>();

    public Theme getTheme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme == null ? Theme.LIGHT : theme;
    }

    public String getDockerHost() {
        return dockerHost;
    }

    public void setDockerHost(String dockerHost) {
        this.dockerHost = dockerHost == null ? "" : dockerHost.strip();
    }

    public boolean isDockerTlsVerify() {
        return dockerTlsVerify;
    }

    public void setDockerTlsVerify(boolean dockerTlsVerify) {
        this.dockerTlsVerify = dockerTlsVerify;
    }

    public String getDockerCertPath() {
        return dockerCertPath;
    }

    public void setDockerCertPath(String dockerCertPath) {
        this.dockerCertPath = dockerCertPath == null ? "" : dockerCertPath.strip();
    }

    public int getDefaultConcurrency() {
        return defaultConcurrency;
    }

    public void setDefaultConcurrency(int defaultConcurrency) {
        this.defaultConcurrency = Math.max(1, defaultConcurrency);
    }

    public List<String> getRecentProjects() {
        return recentProjects;
    }

    public void setRecentProjects(List<String> recentProjects) {
        this.recentProjects = recentProjects == null ? new ArrayList<>() : new ArrayList<>(recentProjects);
    }

    /** Puts a project first in the recent list, once, keeping the list short. */
    public void rememberProject(String path) {
        recentProjects.remove(path);
        recentProjects.addFirst(path);
        while (recentProjects.size() > MAX_RECENT_PROJECTS) {
            recentProjects.removeLast();
        }
    }

    public Map<String, String> getLayout() {
        return layout;
    }

    public void setLayout(Map<String, String> layout) {
        this.layout = layout == null ? new LinkedHashMap<>() : new LinkedHashMap<>(layout);
    }

    public WindowBounds getWindow() {
        return window;
    }

    public void setWindow(WindowBounds window) {
        this.window = window;
    }

    public String getLastSection() {
        return lastSection;
    }

    public void setLastSection(String lastSection) {
        this.lastSection = lastSection;
    }

    public String getApiKeyEnvVar() {
        return apiKeyEnvVar;
    }

    public void setApiKeyEnvVar(String apiKeyEnvVar) {
        this.apiKeyEnvVar = apiKeyEnvVar == null ? "" : apiKeyEnvVar.strip();
    }

    public Map<String, String> getBaseImageMap() {
        return baseImageMap;
    }

    public void setBaseImageMap(Map<String, String> baseImageMap) {
        this.baseImageMap = baseImageMap == null ? new LinkedHashMap<>() : new LinkedHashMap<>(baseImageMap);
    }

    public String getRolloutWorkRoot() {
        return rolloutWorkRoot;
    }

    public void setRolloutWorkRoot(String rolloutWorkRoot) {
        this.rolloutWorkRoot = rolloutWorkRoot == null ? "" : rolloutWorkRoot.strip();
    }

    public AgentEndpoint getAgentEndpoint() {
        return agentEndpoint;
    }

    public void setAgentEndpoint(AgentEndpoint agentEndpoint) {
        this.agentEndpoint = agentEndpoint == null ? AgentEndpoint.DEFAULT : agentEndpoint;
    }

    public double getRolloutCpus() {
        return rolloutCpus;
    }

    /** 0, negative or not a number means the default: a rollout never runs without a CPU limit. */
    public void setRolloutCpus(double rolloutCpus) {
        this.rolloutCpus = rolloutCpus > 0 && Double.isFinite(rolloutCpus) ? rolloutCpus : DEFAULT_ROLLOUT_CPUS;
    }

    public long getRolloutMemoryMb() {
        return rolloutMemoryMb;
    }

    /** 0 or negative means the default: a rollout never runs without a memory limit. */
    public void setRolloutMemoryMb(long rolloutMemoryMb) {
        this.rolloutMemoryMb = rolloutMemoryMb > 0 ? rolloutMemoryMb : DEFAULT_ROLLOUT_MEMORY_MB;
    }

    public long getRolloutStorageMb() {
        return rolloutStorageMb;
    }

    /** 0 or negative means the default: a rollout never writes without a quota. */
    public void setRolloutStorageMb(long rolloutStorageMb) {
        this.rolloutStorageMb = rolloutStorageMb > 0 ? rolloutStorageMb : DEFAULT_ROLLOUT_STORAGE_MB;
    }

    public boolean isRolloutBuildNetwork() {
        return rolloutBuildNetwork;
    }

    public void setRolloutBuildNetwork(boolean rolloutBuildNetwork) {
        this.rolloutBuildNetwork = rolloutBuildNetwork;
    }

    public long getRecordingBudgetMb() {
        return recordingBudgetMb;
    }

    /** 0 or negative means the default: a recording never grows without bound. */
    public void setRecordingBudgetMb(long recordingBudgetMb) {
        this.recordingBudgetMb = recordingBudgetMb > 0 ? recordingBudgetMb : DEFAULT_RECORDING_BUDGET_MB;
    }

    @JsonAnyGetter
    Map<String, Object> unknown() {
        return unknown;
    }

    @JsonAnySetter
    void keepUnknown(String key, Object value) {
        unknown.put(key, value);
    }

    /**
     * The LLM rollout agent's OpenAI-compatible endpoint and its prices in USD per million
     * tokens (0: unknown; an endpoint that reports a cost itself is believed instead).
     */
    public record AgentEndpoint(String baseUrl, String model, double inputPricePerMTok, double outputPricePerMTok) {

        public static final AgentEndpoint DEFAULT = new AgentEndpoint("https://api.openai.com/v1", "", 0, 0);

        public AgentEndpoint {
            baseUrl = baseUrl == null ? "" : baseUrl.strip();
            model = model == null ? "" : model.strip();
        }
    }

    /** Where and how big the main window was. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
