package com.positionlab.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system for tests ({@code jdbc:h2:fulldisk:/path/db}) over the real one, whose writes fail
 * with {@code IOException("No space left on device")} while {@link #FULL} is set: a full disk on demand.
 * H2 instantiates file paths reflectively, so the switch is static; tests that set it must clear it.
 */
public final class FullDiskFilePath extends FilePathWrapper {

    /** While true, every write, sync and growth of a file fails as on a full disk. */
    public static final AtomicBoolean FULL = new AtomicBoolean();
    public static final String SCHEME = "fulldisk";

    /** Registers the scheme with H2 (idempotent). */
    public static void register() {
        FilePath.register(new FullDiskFilePath());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return new FilterOutputStream(super.newOutputStream(append)) {
            @Override
            public void write(int b) throws IOException {
                failIfFull();
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                failIfFull();
                out.write(b, off, len);
            }
        };
    }

    @Override
    public boolean createFile() {
        return !FULL.get() && super.createFile();
    }

    static void failIfFull() throws IOException {
        if (FULL.get()) {
            throw new IOException("No space left on device");
        }
    }

    /** The real channel, with writes refused while the disk is "full". */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            failIfFull();
            return base.write(src);
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            failIfFull();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            failIfFull();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return base.map(mode, position, size);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
