package dev.detwasm.wasi;

import java.util.Comparator;

/**
 * Orders file names by their UTF-8 bytes, the canonical order of directory listings. UTF-8 byte
 * order is code point order; this compares UTF-16 chars and only corrects the one place where
 * the two differ (surrogates, which must sort after U+E000..U+FFFF), so it allocates nothing.
 */
final class NameOrder implements Comparator<String> {
    static final NameOrder INSTANCE = new NameOrder();

    private NameOrder() {}

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return Integer.compare(codePointRank(x), codePointRank(y));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
