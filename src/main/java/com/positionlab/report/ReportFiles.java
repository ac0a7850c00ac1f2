package com.positionlab.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

import com.positionlab.engine.task.Progress;
import com.positionlab.io.AtomicFile;

/**
 * Writes a report to a file, whole or not at all: in the format its extension names, to a temporary file
 * beside it that is moved into place when complete ({@link AtomicFile}). A failure or a cancel leaves no
 * half-written report and the earlier file, if any, as it was; the error names the path and says why in
 * words (the folder is missing, permission denied, the disk is full or read-only).
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Thrown when a report cannot be written; the message names the file and the reason. */
    public static final class WriteException extends IOException {
        WriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes {@code report} to {@code target} in the format of its extension.
     *
     * @throws IllegalArgumentException when the extension names no format
     * @throws WriteException when the file cannot be written
     */
    public static Path write(Report report, Path target, Progress progress) throws WriteException {
        return write(report, target, ReportFormat.of(target).writer(), progress);
    }

    /** {@link #write(Report, Path, Progress)} with a given writer (tests: one that fails half way). */
    static Path write(Report report, Path target, ReportWriter writer, Progress progress) throws WriteException {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new WriteException("cannot write " + file + ": the folder " + folder + " does not exist", null);
        }
        if (Files.isDirectory(file)) {
            throw new WriteException("cannot write " + file + ": it is a folder", null);
        }
        try {
            AtomicFile.write(file, out -> writer.write(report, out, progress));
            return file;
        } catch (IOException | ReadOnlyFileSystemException e) {
            throw new WriteException("cannot write " + file + ": " + reason(e), e);
        }
    }

    /** Why a write failed, in words. */
    static String reason(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || m.contains("permission denied")) {
            return "permission denied";
        }
        if (m.contains("no space left") || m.contains("disk quota")) {
            return "the disk is full";
        }
        if (e instanceof ReadOnlyFileSystemException || m.contains("read-only file system")) {
            return "the disk is read-only";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
