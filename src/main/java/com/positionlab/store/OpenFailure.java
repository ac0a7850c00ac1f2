package com.positionlab.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * What kind of failure an H2 error is, found by walking its cause chain. Only {@link Kind#CORRUPT} may
 * lead to a restore: H2 reports a full disk, a permission problem or a lock timeout as the same general
 * error 50000 that also wraps real corruption, so the error code alone says nothing.
 */
enum OpenFailure {
    /** The file's content is damaged (MVStore corruption codes, or H2's FILE_CORRUPTED). */
    CORRUPT,
    /** No space left on the device (or the quota is used up). */
    DISK_FULL,
    /** The process may not read or write the file or its folder. */
    PERMISSION,
    /** The file system is mounted read-only. */
    READ_ONLY,
    /** Another process (or connection) holds the file or a table lock. */
    LOCKED,
    /** Any other I/O error: not corruption. */
    IO,
    /** Anything else: not corruption. */
    OTHER;

    /** Classifies {@code failure}: I/O and lock causes win over corruption codes found higher in the chain. */
    static OpenFailure of(Throwable failure) {
        OpenFailure found = OTHER;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            OpenFailure here = classifyOne(t);
            if (here != OTHER && here != CORRUPT) {
                return here;
            }
            if (here == CORRUPT) {
                found = CORRUPT;
            }
        }
        return found;
    }

    private static OpenFailure classifyOne(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("no space left") || message.contains("disk quota exceeded")
                || message.contains("not enough space")) {
            return DISK_FULL;
        }
        if (t instanceof ReadOnlyFileSystemException || message.contains("read-only file system")) {
            return READ_ONLY;
        }
        if (t instanceof AccessDeniedException || message.contains("permission denied")
                || message.contains("access is denied")) {
            return PERMISSION;
        }
        if (t instanceof OverlappingFileLockException) {
            return LOCKED;
        }
        if (t instanceof SQLException sql) {
            return switch (sql.getErrorCode()) {
                case ErrorCode.FILE_CORRUPTED_1 -> CORRUPT;
                case ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1 -> LOCKED;
                default -> OTHER;
            };
        }
        if (t instanceof MVStoreException mv) {
            return switch (mv.getErrorCode()) {
                case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND,
                     DataUtils.ERROR_SERIALIZATION, DataUtils.ERROR_TRANSACTION_CORRUPT,
                     DataUtils.ERROR_UNKNOWN_DATA_TYPE -> CORRUPT;
                case DataUtils.ERROR_FILE_LOCKED, DataUtils.ERROR_TRANSACTION_LOCKED -> LOCKED;
                default -> OTHER;
            };
        }
        if (t instanceof EOFException) {
            return CORRUPT;
        }
        if (t instanceof FileSystemException || t instanceof IOException) {
            return IO;
        }
        return OTHER;
    }

    /** One line saying what happened to {@code name} and what to do; for {@link #CORRUPT} without a backup. */
    String describe(String name, Path file, Throwable failure) {
        String where = file == null ? name : file.toString();
        String folder = file == null || file.getParent() == null ? where : file.getParent().toString();
        return switch (this) {
            case DISK_FULL -> "The disk holding " + folder + " is full: free some space and start again. "
                    + "The workspace " + name + " was left as it is.";
            case PERMISSION -> "No permission to read or write " + where + ": give this user access to it and "
                    + "start again. The workspace was left as it is.";
            case READ_ONLY -> "The file system holding " + folder + " is read-only: remount it writable or pass "
                    + "another database with --db. The workspace was left as it is.";
            case LOCKED -> "The database " + name + " is in use by another process (is PositionLab already open?). "
                    + "Close it, or pass another database with --db.";
            case CORRUPT -> "The database " + name + " is damaged and no usable backup was found beside it. "
                    + "Move " + where + " aside to start afresh.";
            case IO -> "Could not read or write " + where + ": " + rootMessage(failure)
                    + ". The workspace was left as it is.";
            case OTHER -> "Could not open the database " + name + ": " + rootMessage(failure);
        };
    }

    /** The first line of the innermost message in the chain. */
    static String rootMessage(Throwable failure) {
        String message = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
