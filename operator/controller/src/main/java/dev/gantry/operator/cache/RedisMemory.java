package dev.gantry.operator.cache;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Redis {@code maxmemory} in bytes, and the container memory set 25% above it. */
final class RedisMemory {

    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal HEADROOM = new BigDecimal("1.25");

    private RedisMemory() {}

    static long bytes(String maxMemory) {
        return Quantity.getAmountInBytes(new Quantity(maxMemory))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** {@code maxMemory} plus 25%, in whole mebibytes (rounded up) so the quantity reads naturally. */
    static Quantity containerMemory(String maxMemory) {
        var limit = BigDecimal.valueOf(bytes(maxMemory)).multiply(HEADROOM);
        var mebibytes = limit.divide(MEBIBYTE, 0, RoundingMode.CEILING);
        return new Quantity(mebibytes.toPlainString() + "Mi");
    }
}
