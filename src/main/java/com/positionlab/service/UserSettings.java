package com.positionlab.service;

import java.nio.file.Path;
import java.util.Optional;

import com.positionlab.config.SettingsFile;

/**
 * The user's settings that outlive a workspace (the theme), kept in the settings file. The workstation gets
 * them from the composition root ({@link Services#userSettings}) before any workspace is open.
 */
public final class UserSettings {

    private final SettingsFile file;

    UserSettings(SettingsFile file) {
        this.file = file;
    }

    public Optional<String> get(String key) {
        return file.get(key);
    }

    /** Sets a value and writes the file; false (logged) when the file could not be written. */
    public boolean put(String key, String value) {
        return file.put(key, value);
    }
}
