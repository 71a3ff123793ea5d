package blackbox.gateway.ffm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Loads the ProfitDLL simulator built by this module ({@code -Dprofitdll.library}, set by surefire) and checks
 * that every function of the header links. A missing library is a failure, not a skip: the simulator is part of
 * the build.
 */
class ProfitDllLoadTest {

    private static Path simulatorLibrary() {
        String prop = System.getProperty("profitdll.library");
        assertNotNull(prop, "system property profitdll.library is not set (surefire sets it to the built simulator)");
        Path path = Path.of(prop);
        assertTrue(Files.isRegularFile(path), "simulator library not built: " + path + " does not exist");
        return path;
    }

    @Test
    void everyHeaderFunctionResolvesInTheSimulator() {
        ProfitDLL dll = ProfitDLL.load(simulatorLibrary());

        List<Method> addresses = Arrays.stream(ProfitDLL.class.getDeclaredMethods())
                .filter(m -> m.getName().endsWith("$address") && !Modifier.isStatic(m.getModifiers()))
                .toList();
        assertEquals(AbiLayoutTest.functions().filter(a -> !((String) a.get()[0]).startsWith("Sim")).count(),
                addresses.size(), "one $address per header function");
        assertAll(addresses.stream().map(m -> (Executable) () -> {
            MemorySegment address = (MemorySegment) m.invoke(dll);
            assertFalse(address.equals(MemorySegment.NULL), m.getName() + " is NULL");
        }));
    }

    @Test
    void theSimulatorExportsItsExtras() {
        ProfitDLL dll = ProfitDLL.load(simulatorLibrary());

        assertTrue(dll.simulator().isPresent(), "SimSetOption not exported by " + dll.library());
    }

    @Test
    void loadingAMissingLibraryNamesThePath() {
        Path missing = Path.of("/nonexistent/libprofitdll-nothing.so");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfitDLL.load(missing));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void loadingALibraryWithoutTheFunctionsNamesTheMissingSymbol() {
        // libc exists on every Linux build host and exports none of ProfitDLL's functions.
        Path lib = Stream.of("/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/lib64/libc.so.6")
                .map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(lib != null, "no glibc at a known path");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfitDLL.load(lib));

        assertTrue(e.getMessage().contains("DLLInitializeLogin"), e.getMessage());
    }
}
