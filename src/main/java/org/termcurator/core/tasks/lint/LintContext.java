package org.termcurator.core.tasks.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the linter checks base images against: the images the Docker engine has, and the
 * lab's map from public image names to local ones. Both are plain inputs, so linting works
 * (and is tested) with no Docker at all.
 *
 * @param localImagesKnown false when the engine could not be asked; findings then say so
 * @param buildNetwork     whether Settings allow network during image builds of tasks without internet
 */
public record LintContext(Set<String> localImages, boolean localImagesKnown, Map<String, String> baseImageMap,
                          boolean buildNetwork) {

    /** Image builds of tasks without internet have no network (the default setting). */
    public LintContext(Set<String> localImages, boolean localImagesKnown, Map<String, String> baseImageMap) {
        this(localImages, localImagesKnown, baseImageMap, false);
    }

    public LintContext withBuildNetwork(boolean allowed) {
        return new LintContext(localImages, localImagesKnown, baseImageMap, allowed);
    }

    public LintContext {
        localImages = localImages.stream().map(ImageNames::normalize).collect(Collectors.toUnmodifiableSet());
        Map<String, String> normalized = new LinkedHashMap<>();
        baseImageMap.forEach((from, to) -> normalized.put(ImageNames.normalize(from), to));
        baseImageMap = Map.copyOf(normalized);
    }

    /** No engine and no map: every base image is unknown. */
    public static LintContext withoutDocker(Map<String, String> baseImageMap) {
        return new LintContext(Set.of(), false, baseImageMap);
    }

    public boolean isLocal(String image) {
        return localImages.contains(ImageNames.normalize(image));
    }

    public boolean isMapped(String image) {
        return baseImageMap.containsKey(ImageNames.normalize(image));
    }
}
