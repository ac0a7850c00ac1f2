package com.positionlab.config;

/** A refused setting: where the workspace lives, or an option a user gave. The message is one line. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
