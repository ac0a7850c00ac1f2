package com.positionlab.testing;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.ui.common.Notifier;

/** Records notifications instead of showing them. */
public final class RecordingNotifier implements Notifier {

    public final List<String> infos = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public void info(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
