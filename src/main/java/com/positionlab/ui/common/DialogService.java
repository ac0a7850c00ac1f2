package com.positionlab.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers and confirmations, behind an interface so view models are tested without a screen. */
public interface DialogService {

    Optional<Path> chooseFileToOpen(String title, String extensionDescription, String... patterns);

    /** Asks a yes/no question; true when the user confirms {@code action}. */
    boolean confirm(String title, String message, String action);
}
