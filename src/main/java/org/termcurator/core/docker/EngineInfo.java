package org.termcurator.core.docker;

/** What the engine says about itself when pinged. */
public record EngineInfo(String host, String version, String apiVersion, String os, String arch) {
}
