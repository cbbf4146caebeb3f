package org.termcurator.core.skills;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.Mappers;

/**
 * Taxonomy files in YAML or JSON:
 * {@code domains: [{name, description, dimensions: [{name, description, skills: [{name, description, examples}]}]}]}.
 * Writing is canonical (fixed key order, empty parts left out), so a file written here reads
 * back and writes again byte for byte.
 */
public final class TaxonomyFormat {

    private static final ObjectMapper YAML = Mappers.editableYaml();
    private static final ObjectMapper JSON = Mappers.editableJson();

    /** A taxonomy file that cannot be read; the message names the file and the place. */
    public static final class TaxonomyFileException extends IOException {
        public TaxonomyFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @JsonPropertyOrder({"domains"})
    record FileTaxonomy(List<FileDomain> domains) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "description", "dimensions"})
    record FileDomain(String name, String description, List<FileDimension> dimensions) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "description", "skills"})
    record FileDimension(String name, String description, List<FileSkill> skills) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "description", "examples"})
    record FileSkill(String name, String description, List<String> examples) {
    }

    private TaxonomyFormat() {
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public static Taxonomy read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), isJson(file));
        }
    }

    /** The taxonomy shipped with the app: 11 domains, their dimensions and primitive skills. */
    public static Taxonomy defaultTaxonomy() {
        try (InputStream in = TaxonomyFormat.class.getResourceAsStream("default-taxonomy.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-taxonomy.yaml is missing from the app");
            }
            return read(in, "default-taxonomy.yaml", false);
        } catch (IOException e) {
            throw new IllegalStateException("the default taxonomy cannot be read: " + e.getMessage(), e);
        }
    }

    static Taxonomy read(InputStream in, String name, boolean json) throws IOException {
        FileTaxonomy file;
        try {
            file = (json ? JSON : YAML).readValue(in, FileTaxonomy.class);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 0 ? name : name + ":" + location.getLineNr();
            throw new TaxonomyFileException(where + ": " + describe(e), e);
        }
        if (file == null || file.domains() == null) {
            throw new TaxonomyFileException(name + ": no 'domains' list", null);
        }
        List<Taxonomy.Entry> domains = new ArrayList<>();
        for (int d = 0; d < file.domains().size(); d++) {
            FileDomain domain = file.domains().get(d);
            String domainPlace = "domains[" + d + "]";
            List<Taxonomy.Entry> dimensions = new ArrayList<>();
            List<FileDimension> fileDimensions = domain == null || domain.dimensions() == null ? List.of() : domain.dimensions();
            for (int m = 0; m < fileDimensions.size(); m++) {
                FileDimension dimension = fileDimensions.get(m);
                String dimensionPlace = domainPlace + ".dimensions[" + m + "]";
                List<Taxonomy.Entry> skills = new ArrayList<>();
                List<FileSkill> fileSkills = dimension == null || dimension.skills() == null ? List.of() : dimension.skills();
                for (int s = 0; s < fileSkills.size(); s++) {
                    FileSkill skill = fileSkills.get(s);
                    String skillPlace = dimensionPlace + ".skills[" + s + "]";
                    skills.add(new Taxonomy.Entry(name(name, skillPlace, skill == null ? null : skill.name()),
                            skill.description(), skill.examples(), List.of()));
                }
                dimensions.add(new Taxonomy.Entry(name(name, dimensionPlace, dimension == null ? null : dimension.name()),
                        dimension.description(), List.of(), skills));
            }
            domains.add(new Taxonomy.Entry(name(name, domainPlace, domain == null ? null : domain.name()),
                    domain.description(), List.of(), dimensions));
        }
        return new Taxonomy(domains);
    }

    /** Jackson's message in the file's own terms: the place as a path, the keys that are allowed. */
    private static String describe(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
            return e.getOriginalMessage();
        }
        StringBuilder place = new StringBuilder();
        var path = mapping.getPath();
        for (int i = 0; i < path.size(); i++) {
            var reference = path.get(i);
            boolean last = i == path.size() - 1;
            if (reference.getFieldName() != null && !(last && e instanceof UnrecognizedPropertyException)) {
                place.append(place.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                place.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = new ArrayList<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return "unknown key '" + unknown.getPropertyName() + "'" + (place.isEmpty() ? "" : " in " + place)
                    + " (expected " + String.join(", ", known) + ")";
        }
        return (place.isEmpty() ? "" : place + ": ") + mapping.getOriginalMessage();
    }

    private static String name(String file, String place, String value) throws TaxonomyFileException {
        if (value == null || value.isBlank()) {
            throw new TaxonomyFileException(file + ": " + place + " has no name", null);
        }
        return value.strip();
    }

    public static void write(Path file, Taxonomy taxonomy) throws IOException {
        AtomicFiles.writeString(file, format(taxonomy, isJson(file)));
    }

    public static String format(Taxonomy taxonomy, boolean json) {
        List<FileDomain> domains = new ArrayList<>();
        for (Taxonomy.Entry domain : taxonomy.domains()) {
            List<FileDimension> dimensions = new ArrayList<>();
            for (Taxonomy.Entry dimension : domain.children()) {
                List<FileSkill> skills = new ArrayList<>();
                for (Taxonomy.Entry skill : dimension.children()) {
                    skills.add(new FileSkill(skill.name(), skill.description(), skill.examples()));
                }
                dimensions.add(new FileDimension(dimension.name(), dimension.description(), skills));
            }
            domains.add(new FileDomain(domain.name(), domain.description(), dimensions));
        }
        try {
            String text = (json ? JSON : YAML).writeValueAsString(new FileTaxonomy(domains));
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
