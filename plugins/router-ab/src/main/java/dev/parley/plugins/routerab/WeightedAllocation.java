package dev.parley.plugins.routerab;

import java.util.List;

/**
 * Splits the {@link StickyBucketer#BUCKETS} buckets between variants in proportion to their weights, in
 * declared order: with A 90 and B 10, buckets 0–8999 are A and 9000–9999 are B. Adding a variant at the end or
 * shifting weight between neighbours moves only the buckets whose owner actually changes.
 */
final class WeightedAllocation {
    private final String[] names;
    private final int[] upperBounds;

    WeightedAllocation(List<VariantWeight> variants) {
        double total = variants.stream().mapToDouble(VariantWeight::weight).sum();
        names = new String[variants.size()];
        upperBounds = new int[variants.size()];
        double cumulative = 0;
        for (int i = 0; i < names.length; i++) {
            cumulative += variants.get(i).weight();
            names[i] = variants.get(i).name();
            upperBounds[i] = (int) Math.round(cumulative / total * StickyBucketer.BUCKETS);
        }
        upperBounds[names.length - 1] = StickyBucketer.BUCKETS; // rounding must not leave the last bucket unowned
    }

    /** The variant owning {@code bucket}. */
    String variantOf(int bucket) {
        for (int i = 0; i < names.length; i++) {
            if (bucket < upperBounds[i]) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }
}
