package dev.detwasm.host.memory;

/**
 * A guest pointer or length that does not fit in guest memory. Host functions turn it into an
 * errno ({@code EFAULT}); it never reaches the user as a Java exception.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestFault(long address, long length) {
        super(
                "guest range [0x" + Long.toHexString(address) + ", +" + length
                        + ") is outside memory",
                null,
                false,
                false);
    }
}
