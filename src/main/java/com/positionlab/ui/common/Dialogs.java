package com.positionlab.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers and confirmations, behind an interface so view models are tested without a screen. */
public interface Dialogs {

    Optional<Path> chooseFileToOpen(String title, String extensionDescription, String... patterns);

    /**
     * Asks where to save a file, proposing {@code initialName}; empty when the user cancels. The caller
     * writes the file (on a background task).
     */
    Optional<Path> chooseFileToSave(String title, String initialName, String extensionDescription, String... patterns);

    /** Asks a yes/no question; true when the user confirms {@code action}. */
    boolean confirm(String title, String message, String action);
}
