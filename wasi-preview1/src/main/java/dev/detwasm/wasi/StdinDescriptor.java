package dev.detwasm.wasi;

/** fd 0: the run's configured stdin bytes, then end of file. Never blocks. */
final class StdinDescriptor extends Descriptor {
    private final byte[] bytes;
    private int position;

    StdinDescriptor(byte[] bytes) {
        super(Rights.STDIN, 0, 0);
        this.bytes = bytes;
    }

    @Override
    int filetype() {
        return Filetype.UNKNOWN;
    }

    int read(byte[] into, int offset, int length) {
        int n = Math.min(length, available());
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
    }

    int available() {
        return bytes.length - position;
    }
}
