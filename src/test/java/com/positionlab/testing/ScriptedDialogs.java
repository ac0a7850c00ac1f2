package com.positionlab.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import com.positionlab.ui.common.Dialogs;

/** Answers dialogs from a script and records the questions asked. */
public final class ScriptedDialogs implements Dialogs {

    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extensionDescription, String... patterns) {
        asked.add(title);
        return Optional.ofNullable(files.poll());
    }

    /** Answers from {@link #files} too: the next scripted path, or a cancel when none is left. */
    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String extensionDescription,
                                           String... patterns) {
        asked.add(title + " (" + initialName + ")");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        asked.add(title + ": " + message);
        Boolean answer = confirmations.poll();
        return answer != null && answer;
    }
}
