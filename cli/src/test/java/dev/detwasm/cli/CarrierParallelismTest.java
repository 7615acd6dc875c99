package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The carrier count a command asks for reaches the JDK's property, unless the user set it. */
class CarrierParallelismTest {
    private String saved;

    @BeforeEach
    void clear() {
        saved = System.clearProperty(CarrierParallelism.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(CarrierParallelism.PROPERTY);
        } else {
            System.setProperty(CarrierParallelism.PROPERTY, saved);
        }
    }

    @Test
    void theProcessGetsOneCarrierPerJob() {
        CarrierParallelism.ofProcess().reserve(3);
        assertEquals("3", System.getProperty(CarrierParallelism.PROPERTY));
    }

    @Test
    void aRunGetsAtLeastOne() {
        CarrierParallelism.ofProcess().reserve(0);
        assertEquals("1", System.getProperty(CarrierParallelism.PROPERTY));
    }

    @Test
    void theUsersSettingWins() {
        System.setProperty(CarrierParallelism.PROPERTY, "5");
        CarrierParallelism.ofProcess().reserve(1);
        assertEquals("5", System.getProperty(CarrierParallelism.PROPERTY));
    }

    @Test
    void inProcessCallersKeepTheirJvmsSetting() {
        CarrierParallelism.shared().reserve(1);
        assertNull(System.getProperty(CarrierParallelism.PROPERTY));
    }
}
