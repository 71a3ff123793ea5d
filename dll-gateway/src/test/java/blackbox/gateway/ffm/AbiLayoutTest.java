package blackbox.gateway.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the Java layouts and descriptors have the C compiler's ABI: every record's size, alignment and field
 * offsets and sizes come from a probe compiled with gcc against {@code profitdll.h}; every callback and function
 * descriptor matches a signature table read off the header. gcc is a build requirement: without it this fails.
 */
class AbiLayoutTest {

    /** Every record class of the binding, by its C name (suppliers, so a broken class fails only its own tests). */
    static final Map<String, Supplier<GroupLayout>> RECORDS = records();

    private static Map<String, Supplier<GroupLayout>> records() {
        Map<String, Supplier<GroupLayout>> m = new LinkedHashMap<>();
        m.put("TSystemTime", TSystemTime::layout);
        m.put("TAssetIDRec", TAssetIDRec::layout);
        m.put("TAccountRec", TAccountRec::layout);
        m.put("TConnectorAccountIdentifier", TConnectorAccountIdentifier::layout);
        m.put("TConnectorAccountIdentifierOut", TConnectorAccountIdentifierOut::layout);
        m.put("TConnectorAssetIdentifier", TConnectorAssetIdentifier::layout);
        m.put("TConnectorAssetIdentifierOut", TConnectorAssetIdentifierOut::layout);
        m.put("TConnectorOrderIdentifier", TConnectorOrderIdentifier::layout);
        m.put("TConnectorSendOrder", TConnectorSendOrder::layout);
        m.put("TConnectorChangeOrder", TConnectorChangeOrder::layout);
        m.put("TConnectorCancelOrder", TConnectorCancelOrder::layout);
        m.put("TConnectorCancelOrders", TConnectorCancelOrders::layout);
        m.put("TConnectorCancelAllOrders", TConnectorCancelAllOrders::layout);
        m.put("TConnectorZeroPosition", TConnectorZeroPosition::layout);
        m.put("TConnectorTradingAccountOut", TConnectorTradingAccountOut::layout);
        m.put("TConnectorTradingAccountPosition", TConnectorTradingAccountPosition::layout);
        m.put("TConnectorOrder", TConnectorOrder::layout);
        m.put("TConnectorOrderOut", TConnectorOrderOut::layout);
        m.put("TConnectorTrade", TConnectorTrade::layout);
        m.put("TConnectorPriceGroup", TConnectorPriceGroup::layout);
        m.put("TConnectorTradingMessageResult", TConnectorTradingMessageResult::layout);
        return m;
    }

    /**
     * Callback typedefs, written from the header: return and parameter kinds. B uint8_t, I int32_t / uint32_t /
     * BOOL, J int64_t / intptr_t, D double, P any pointer (records passed "by value" included), V void.
     */
    static Stream<Arguments> callbacks() {
        return Stream.of(
                Arguments.of("TStateCallback", TStateCallback.descriptor(), "V(II)"),
                Arguments.of("TSystemHealthCallback", TSystemHealthCallback.descriptor(), "V(I)"),
                Arguments.of("TNewTradeCallback", TNewTradeCallback.descriptor(), "V(PPIDDIIIII)"),
                Arguments.of("THistoryTradeCallback", THistoryTradeCallback.descriptor(), "V(PPIDDIIII)"),
                Arguments.of("TNewDailyCallback", TNewDailyCallback.descriptor(), "V(PPDDDDDDDDDDIIIIIII)"),
                Arguments.of("TProgressCallback", TProgressCallback.descriptor(), "V(PI)"),
                Arguments.of("TTinyBookCallback", TTinyBookCallback.descriptor(), "V(PDII)"),
                Arguments.of("TPriceBookCallback", TPriceBookCallback.descriptor(), "V(PIIIIIDPP)"),
                Arguments.of("TOfferBookCallback", TOfferBookCallback.descriptor(), "V(PIIIIIJDIIIIIPPP)"),
                Arguments.of("TChangeStateTicker", TChangeStateTicker.descriptor(), "V(PPI)"),
                Arguments.of("TAccountCallback", TAccountCallback.descriptor(), "V(IPPP)"),
                Arguments.of("TOrderChangeCallback", TOrderChangeCallback.descriptor(), "V(PIIIIIDDDJPPPPPPP)"),
                Arguments.of("THistoryCallback", THistoryCallback.descriptor(), "V(PIIIIIDDDJPPPPPP)"),
                Arguments.of("TConnectorTradeCallback", TConnectorTradeCallback.descriptor(), "V(PPI)"),
                Arguments.of("TConnectorPriceDepthCallback", TConnectorPriceDepthCallback.descriptor(), "V(PBIB)"),
                Arguments.of("TConnectorOrderCallback", TConnectorOrderCallback.descriptor(), "V(P)"),
                Arguments.of("TConnectorAccountCallback", TConnectorAccountCallback.descriptor(), "V(P)"),
                Arguments.of("TConnectorTradingMessageResultCallback",
                        TConnectorTradingMessageResultCallback.descriptor(), "V(P)"),
                Arguments.of("TInvalidTickerCallback", TInvalidTickerCallback.descriptor(), "V(P)"),
                Arguments.of("TConnectorEnumerateOrdersProc", TConnectorEnumerateOrdersProc.descriptor(), "I(PJ)"),
                Arguments.of("TConnectorAssetPositionListCallback",
                        TConnectorAssetPositionListCallback.descriptor(), "V(PPJ)"),
                Arguments.of("TConnectorBrokerAccountListCallback",
                        TConnectorBrokerAccountListCallback.descriptor(), "V(II)"),
                Arguments.of("TConnectorBrokerSubAccountListCallback",
                        TConnectorBrokerSubAccountListCallback.descriptor(), "V(P)"),
                Arguments.of("TConnectorEnumerateAssetProc", TConnectorEnumerateAssetProc.descriptor(), "I(PJ)"));
    }

    /** Exported functions, written from the header, in the same notation. */
    static Stream<Arguments> functions() {
        return Stream.of(
                Arguments.of("DLLInitializeLogin", ProfitDLL.DLLInitializeLogin$descriptor(), "I(PPPPPPPPPPPPPP)"),
                Arguments.of("DLLInitializeMarketLogin", ProfitDLL.DLLInitializeMarketLogin$descriptor(), "I(PPPPPPPPPPP)"),
                Arguments.of("DLLFinalize", ProfitDLL.DLLFinalize$descriptor(), "I()"),
                Arguments.of("GetServerClock", ProfitDLL.GetServerClock$descriptor(), "I(PPPPPPPP)"),
                Arguments.of("GetHealthStatus", ProfitDLL.GetHealthStatus$descriptor(), "I(P)"),
                Arguments.of("FreePointer", ProfitDLL.FreePointer$descriptor(), "I(PI)"),
                Arguments.of("SetStateCallback", ProfitDLL.SetStateCallback$descriptor(), "I(P)"),
                Arguments.of("SetHealthCallback", ProfitDLL.SetHealthCallback$descriptor(), "I(P)"),
                Arguments.of("SubscribeTicker", ProfitDLL.SubscribeTicker$descriptor(), "I(PP)"),
                Arguments.of("UnsubscribeTicker", ProfitDLL.UnsubscribeTicker$descriptor(), "I(PP)"),
                Arguments.of("GetHistoryTrades", ProfitDLL.GetHistoryTrades$descriptor(), "I(PPPP)"),
                Arguments.of("TranslateTrade", ProfitDLL.TranslateTrade$descriptor(), "I(PP)"),
                Arguments.of("SubscribePriceDepth", ProfitDLL.SubscribePriceDepth$descriptor(), "I(P)"),
                Arguments.of("UnsubscribePriceDepth", ProfitDLL.UnsubscribePriceDepth$descriptor(), "I(P)"),
                Arguments.of("GetPriceDepthSideCount", ProfitDLL.GetPriceDepthSideCount$descriptor(), "I(PB)"),
                Arguments.of("GetPriceGroup", ProfitDLL.GetPriceGroup$descriptor(), "I(PBIP)"),
                Arguments.of("SetTradeCallbackV2", ProfitDLL.SetTradeCallbackV2$descriptor(), "I(P)"),
                Arguments.of("SetHistoryTradeCallbackV2", ProfitDLL.SetHistoryTradeCallbackV2$descriptor(), "I(P)"),
                Arguments.of("SetSerieProgressCallback", ProfitDLL.SetSerieProgressCallback$descriptor(), "I(P)"),
                Arguments.of("SetPriceDepthCallback", ProfitDLL.SetPriceDepthCallback$descriptor(), "I(P)"),
                Arguments.of("SetInvalidTickerCallback", ProfitDLL.SetInvalidTickerCallback$descriptor(), "I(P)"),
                Arguments.of("SetChangeStateTickerCallback", ProfitDLL.SetChangeStateTickerCallback$descriptor(), "I(P)"),
                Arguments.of("SetOrderCallback", ProfitDLL.SetOrderCallback$descriptor(), "I(P)"),
                Arguments.of("SetOrderHistoryCallback", ProfitDLL.SetOrderHistoryCallback$descriptor(), "I(P)"),
                Arguments.of("SetTradingMessageResultCallback",
                        ProfitDLL.SetTradingMessageResultCallback$descriptor(), "I(P)"),
                Arguments.of("SetAssetPositionListCallback", ProfitDLL.SetAssetPositionListCallback$descriptor(), "I(P)"),
                Arguments.of("SetBrokerAccountListChangedCallback",
                        ProfitDLL.SetBrokerAccountListChangedCallback$descriptor(), "I(P)"),
                Arguments.of("SetBrokerSubAccountListChangedCallback",
                        ProfitDLL.SetBrokerSubAccountListChangedCallback$descriptor(), "I(P)"),
                Arguments.of("SendOrder", ProfitDLL.SendOrder$descriptor(), "J(P)"),
                Arguments.of("SendChangeOrderV2", ProfitDLL.SendChangeOrderV2$descriptor(), "I(P)"),
                Arguments.of("SendCancelOrderV2", ProfitDLL.SendCancelOrderV2$descriptor(), "I(P)"),
                Arguments.of("SendCancelOrdersV2", ProfitDLL.SendCancelOrdersV2$descriptor(), "I(P)"),
                Arguments.of("SendCancelAllOrdersV2", ProfitDLL.SendCancelAllOrdersV2$descriptor(), "I(P)"),
                Arguments.of("SendZeroPositionV2", ProfitDLL.SendZeroPositionV2$descriptor(), "J(P)"),
                Arguments.of("GetAccountCount", ProfitDLL.GetAccountCount$descriptor(), "I()"),
                Arguments.of("GetAccounts", ProfitDLL.GetAccounts$descriptor(), "I(IIIP)"),
                Arguments.of("GetAccountDetails", ProfitDLL.GetAccountDetails$descriptor(), "I(P)"),
                Arguments.of("GetAccountCountByBroker", ProfitDLL.GetAccountCountByBroker$descriptor(), "I(I)"),
                Arguments.of("GetAccountsByBroker", ProfitDLL.GetAccountsByBroker$descriptor(), "I(IIIIP)"),
                Arguments.of("GetSubAccountCount", ProfitDLL.GetSubAccountCount$descriptor(), "I(P)"),
                Arguments.of("GetSubAccounts", ProfitDLL.GetSubAccounts$descriptor(), "I(PIIIP)"),
                Arguments.of("GetPositionV2", ProfitDLL.GetPositionV2$descriptor(), "I(P)"),
                Arguments.of("EnumerateAllPositionAssets", ProfitDLL.EnumerateAllPositionAssets$descriptor(), "I(PBJP)"),
                Arguments.of("GetOrderDetails", ProfitDLL.GetOrderDetails$descriptor(), "I(P)"),
                Arguments.of("HasOrdersInInterval", ProfitDLL.HasOrdersInInterval$descriptor(), "I(PPP)"),
                Arguments.of("EnumerateAllOrders", ProfitDLL.EnumerateAllOrders$descriptor(), "I(PBJP)"),
                Arguments.of("EnumerateOrdersByInterval", ProfitDLL.EnumerateOrdersByInterval$descriptor(), "I(PBPPJP)"),
                Arguments.of("SimSetOption", ProfitDLL.Simulator.SimSetOption$descriptor(), "I(PP)"),
                Arguments.of("SimResetOptions", ProfitDLL.Simulator.SimResetOptions$descriptor(), "I()"),
                Arguments.of("SimLastError", ProfitDLL.Simulator.SimLastError$descriptor(), "P()"),
                Arguments.of("SimStartReplay", ProfitDLL.Simulator.SimStartReplay$descriptor(), "I()"),
                Arguments.of("SimAdvanceReplay", ProfitDLL.Simulator.SimAdvanceReplay$descriptor(), "I(J)"));
    }

    /** What the C compiler says: size and alignment per record, offset and size per member. */
    record CRecord(long size, long align, Map<String, long[]> members) {}

    private static Path header;
    private static Map<String, CRecord> compiled;

    @BeforeAll
    static void probeTheCCompiler(@TempDir Path dir) throws Exception {
        header = locateHeader();
        Path probe = dir.resolve("abi_probe.c");
        Files.writeString(probe, probeSource(), StandardCharsets.UTF_8);
        Path exe = dir.resolve("abi_probe");
        run(dir, "gcc", "-std=c11", "-Wall", "-Werror", "-I", header.getParent().toString(),
                "-o", exe.toString(), probe.toString());
        compiled = parseProbeOutput(run(dir, exe.toString()));
    }

    @TestFactory
    Stream<DynamicContainer> everyRecordHasTheCompilersSizeAlignmentAndOffsets() {
        return RECORDS.entrySet().stream().map(e -> {
            String name = e.getKey();
            GroupLayout layout;
            try {
                layout = e.getValue().get();
            } catch (Throwable t) {
                return DynamicContainer.dynamicContainer(name, Stream.of(DynamicTest.dynamicTest(
                        name + " layout initializes", () -> fail(name + ".layout() throws " + t, t))));
            }
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(name + " is named " + name,
                    () -> assertEquals(name, layout.name().orElse("<unnamed>"))));
            tests.add(DynamicTest.dynamicTest(name + " size", () -> {
                CRecord c = c(name);
                assertEquals(c.size(), layout.byteSize(), name + ": sizeof");
            }));
            tests.add(DynamicTest.dynamicTest(name + " alignment", () -> {
                CRecord c = c(name);
                assertEquals(c.align(), layout.byteAlignment(), name + ": _Alignof");
            }));
            for (MemoryLayout member : namedMembers(layout)) {
                String field = member.name().orElseThrow();
                tests.add(DynamicTest.dynamicTest(name + "." + field + " offset and size", () -> {
                    long[] c = c(name).members().get(field);
                    assertNotNull(c, name + "." + field + ": no such member in C");
                    long offset = layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
                    assertEquals(c[0], offset, name + "." + field + ": offsetof");
                    assertEquals(c[1], member.byteSize(), name + "." + field + ": sizeof");
                }));
            }
            tests.add(DynamicTest.dynamicTest(name + " has every C member", () -> {
                List<String> java = namedMembers(layout).stream().map(m -> m.name().orElseThrow()).toList();
                assertEquals(cMemberNames(name), java, name + ": members in declaration order");
            }));
            return DynamicContainer.dynamicContainer(name, tests);
        });
    }

    @Test
    void everyRecordOfTheHeaderIsBound() throws IOException {
        Matcher m = Pattern.compile("typedef struct (\\w+) \\{").matcher(Files.readString(locateHeader()));
        List<String> inHeader = new ArrayList<>();
        while (m.find()) {
            inHeader.add(m.group(1));
        }
        assertEquals(inHeader, List.copyOf(RECORDS.keySet()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("callbacks")
    void callbackDescriptorMatchesTheTypedef(String name, FunctionDescriptor descriptor, String expected) {
        assertEquals(expected, signature(descriptor), name);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("functions")
    void functionDescriptorMatchesThePrototype(String name, FunctionDescriptor descriptor, String expected) {
        assertEquals(expected, signature(descriptor), name);
    }

    @Test
    void everyExportedFunctionOfTheHeaderIsInTheTable() throws IOException {
        String text = Files.readString(locateHeader());
        Matcher m = Pattern.compile("PDLL_EXPORT\\s+\\w+\\s+PDLL_STDCALL\\s+(\\w+)\\s*\\(").matcher(text);
        List<String> inHeader = new ArrayList<>();
        while (m.find()) {
            inHeader.add(m.group(1));
        }
        List<String> inTable = functions().map(a -> (String) a.get()[0]).filter(n -> !n.startsWith("Sim")).toList();
        assertEquals(inHeader, inTable);
    }

    @Test
    void everyCallbackTypedefOfTheHeaderIsInTheTable() throws IOException {
        String text = Files.readString(locateHeader());
        Matcher m = Pattern.compile("typedef\\s+\\w+\\s*\\(PDLL_STDCALL\\s*\\*(\\w+)\\)").matcher(text);
        List<String> inHeader = new ArrayList<>();
        while (m.find()) {
            inHeader.add(m.group(1));
        }
        assertEquals(inHeader, callbacks().map(a -> (String) a.get()[0]).toList());
    }

    // ------------------------------------------------------------------ helpers

    private static CRecord c(String name) {
        CRecord c = compiled.get(name);
        assertNotNull(c, name + ": not printed by the C probe");
        return c;
    }

    private static List<MemoryLayout> namedMembers(GroupLayout layout) {
        return layout.memberLayouts().stream().filter(m -> !(m instanceof PaddingLayout)).toList();
    }

    static String signature(FunctionDescriptor d) {
        String ret = d.returnLayout().map(AbiLayoutTest::kind).orElse("V");
        return ret + "(" + d.argumentLayouts().stream().map(AbiLayoutTest::kind).collect(Collectors.joining()) + ")";
    }

    private static String kind(MemoryLayout l) {
        if (l instanceof AddressLayout) {
            return "P";
        }
        if (l instanceof ValueLayout.OfByte) {
            return "B";
        }
        if (l instanceof ValueLayout.OfInt) {
            return "I";
        }
        if (l instanceof ValueLayout.OfLong) {
            return "J";
        }
        if (l instanceof ValueLayout.OfDouble) {
            return "D";
        }
        return "?" + l;
    }

    /** Member names of {@code typedef struct name {...}} in declaration order, read from the header text. */
    private static List<String> cMemberNames(String name) throws IOException {
        String text = Files.readString(header).replaceAll("(?s)/\\*.*?\\*/", " ");
        Matcher m = Pattern.compile("typedef struct " + name + " \\{(.*?)\\}\\s*" + name + ";", Pattern.DOTALL)
                .matcher(text);
        assertTrue(m.find(), name + ": not found in " + header);
        List<String> names = new ArrayList<>();
        for (String decl : m.group(1).split(";")) {
            Matcher d = Pattern.compile("(\\w+)\\s*(\\[\\w+\\])?\\s*$").matcher(decl.strip());
            if (d.find()) {
                names.add(d.group(1));
            }
        }
        return names;
    }

    private static String probeSource() {
        StringBuilder s = new StringBuilder();
        s.append("#include <stdio.h>\n#include <stddef.h>\n#include \"").append(header.getFileName()).append("\"\n");
        s.append("#define S(T) printf(\"S %s %zu %zu\\n\", #T, sizeof(T), _Alignof(T));\n");
        s.append("#define F(T, f) printf(\"F %s %s %zu %zu\\n\", #T, #f, offsetof(T, f), sizeof(((T *)0)->f));\n");
        s.append("int main(void) {\n");
        RECORDS.forEach((name, layout) -> {
            s.append("    S(").append(name).append(")\n");
            List<MemoryLayout> members;
            try {
                members = namedMembers(layout.get());
            } catch (Throwable t) {
                members = List.of(); // reported by the record's own test
            }
            for (MemoryLayout m : members) {
                s.append("    F(").append(name).append(", ").append(m.name().orElseThrow()).append(")\n");
            }
        });
        s.append("    return 0;\n}\n");
        return s.toString();
    }

    private static Map<String, CRecord> parseProbeOutput(String out) {
        Map<String, CRecord> records = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] t = line.strip().split(" ");
            switch (t[0]) {
                case "S" -> records.put(t[1],
                        new CRecord(Long.parseLong(t[2]), Long.parseLong(t[3]), new LinkedHashMap<>()));
                case "F" -> records.get(t[1]).members().put(t[2],
                        new long[] {Long.parseLong(t[3]), Long.parseLong(t[4])});
                case "" -> { }
                default -> fail("unexpected probe output: " + line);
            }
        }
        return records;
    }

    static Path locateHeader() {
        String prop = System.getProperty("profitdll.header");
        List<Path> candidates = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("dll-gateway/native/profitdll.h"));
        candidates.add(Path.of("native/profitdll.h"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath)
                .orElseThrow(() -> new AssertionError("profitdll.h not found; tried " + candidates
                        + " (set -Dprofitdll.header)"));
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (gcc is required to build and test dll-gateway;"
                    + " install it, e.g. apt-get install gcc): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + ": timed out");
        }
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
