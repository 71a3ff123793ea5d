package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class InstrumentInternerTest {
    @Test
    void theSameTextGivesTheSameInstanceWhateverTheBuffer() {
        InstrumentInterner interner = new InstrumentInterner();
        try (Arena arena = Arena.ofConfined()) {
            InstrumentId a = interner.intern(Utf16.allocate(arena, "PETR4"), Utf16.allocate(arena, "B"));
            InstrumentId b = interner.intern(Utf16.allocate(arena, "PETR4"), Utf16.allocate(arena, "B"));
            assertEquals(new InstrumentId("PETR4", "B"), a);
            assertSame(a, b);
        }
    }

    @Test
    void aReusedBufferWithNewTextIsANewInstrument() {
        InstrumentInterner interner = new InstrumentInterner();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ticker = Utf16.allocate(arena, "VALE3");
            MemorySegment exchange = Utf16.allocate(arena, "B");
            InstrumentId vale = interner.intern(ticker, exchange);
            Utf16.allocate(arena, "x"); // unrelated allocation
            ticker.copyFrom(Utf16.allocate(arena, "ITUB4"));
            InstrumentId itau = interner.intern(ticker, exchange);
            assertEquals("VALE3", vale.ticker());
            assertEquals("ITUB4", itau.ticker());
        }
    }

    @Test
    void manyInstrumentsSurviveTableGrowth() {
        InstrumentInterner interner = new InstrumentInterner();
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 500; i++) {
                    InstrumentId id = interner.intern(Utf16.allocate(arena, "T" + i), Utf16.allocate(arena, "F"));
                    assertEquals("T" + i, id.ticker());
                }
            }
        }
    }

    @Test
    void nullPointersAndInvalidTextGiveNull() {
        InstrumentInterner interner = new InstrumentInterner();
        try (Arena arena = Arena.ofConfined()) {
            assertNull(interner.intern(MemorySegment.NULL, Utf16.allocate(arena, "B")));
            assertNull(interner.intern(Utf16.allocate(arena, "petr 4"), Utf16.allocate(arena, "B")));
        }
    }
}
