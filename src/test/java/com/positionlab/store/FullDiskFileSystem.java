package com.positionlab.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system for tests, under the scheme {@value #SCHEME}: it passes everything to the real
 * files until {@link #fill()} is called, and from then on every write fails with the {@link IOException}
 * a full disk gives ("No space left on device"), as on a full partition: reads still work. Public with
 * a public constructor because H2 instantiates it by reflection.
 */
public final class FullDiskFileSystem extends FilePathWrapper {

    static final String SCHEME = "fulldisk";
    private static final AtomicBoolean FULL = new AtomicBoolean();
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    /** H2 creates one instance per path by reflection: public, no arguments. */
    public FullDiskFileSystem() {
        super();
    }

    /** Registers the scheme with H2 (once per JVM) and empties the disk again. */
    static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            FilePath.register(new FullDiskFileSystem());
        }
        FULL.set(false);
    }

    static void fill() {
        FULL.set(true);
    }

    static void free() {
        FULL.set(false);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        failIfFull();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        return !FULL.get() && super.createFile();
    }

    private static void failIfFull() throws IOException {
        if (FULL.get()) {
            throw new IOException("No space left on device");
        }
    }

    /** A channel whose writes fail while the disk is full. */
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
            failIfFull();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            failIfFull();
            base.force(metaData);
        }

        @Override
        public synchronized java.nio.channels.FileLock tryLock(long position, long size, boolean shared)
                throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
