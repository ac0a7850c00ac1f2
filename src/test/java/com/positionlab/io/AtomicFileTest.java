package com.positionlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesTheWholeFile() throws Exception {
        Path f = dir.resolve("rules.json");
        AtomicFile.writeString(f, "[1, 2, 3]");
        assertThat(Files.readString(f)).isEqualTo("[1, 2, 3]");
        AtomicFile.writeText(f, w -> w.write("é €"));
        assertThat(Files.readString(f)).isEqualTo("é €");
        assertThat(dir.toFile().list()).containsExactly("rules.json");
    }

    @Test
    void aFailureLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("events.jsonl");
        AtomicFile.writeString(f, "kept\n");
        assertThatThrownBy(() -> AtomicFile.writeText(f, w -> {
            w.write("half of it");
            w.flush();
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");
        assertThat(Files.readString(f)).isEqualTo("kept\n");
        assertThat(dir.toFile().list()).containsExactly("events.jsonl");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotOwnerOnly() throws Exception {
        Path f = dir.resolve("report.json");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        AtomicFile.writeString(f, "{}");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        Path f = dir.resolve("no-such-folder").resolve("x.json");
        assertThatThrownBy(() -> AtomicFile.writeString(f, "x")).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-folder");
    }
}
