package blackbox.oms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The batching rules, driven by hand: which items leave together is decided by what is out when they come. */
class BatchPipelineTest {
    final List<List<Integer>> started = new ArrayList<>();

    BatchPipeline<Integer> pipeline(int maxCalls, int maxBatch, int maxItems) {
        return new BatchPipeline<>(maxCalls, maxBatch, maxItems, started::add);
    }

    @Test
    void anItemThatComesWhenNothingIsOutLeavesAtOnceAlone() {
        var p = pipeline(4, 256, 10_000);
        p.add(1);
        assertEquals(List.of(List.of(1)), started);
        assertEquals(1, p.out());
    }

    @Test
    void whileEveryCallIsOutItemsGatherIntoOneBatchThatLeavesWhenACallEnds() {
        var p = pipeline(2, 256, 10_000);
        p.add(1);
        p.add(2);
        IntStream.rangeClosed(3, 300).forEach(p::add);
        assertEquals(List.of(List.of(1), List.of(2)), started, "two calls out, the rest waits");
        p.done(1);
        assertEquals(256, started.get(2).size(), "the first wait leaves as one full batch");
        assertEquals(3, started.get(2).getFirst());
        p.done(1);
        assertEquals(IntStream.rangeClosed(259, 300).boxed().toList(), started.get(3), "the rest, in queue order");
        assertEquals(4, started.size());
    }

    @Test
    void theItemsOutNeverExceedMaxItems() {
        var p = pipeline(8, 256, 5);
        IntStream.rangeClosed(1, 12).forEach(p::add);
        assertEquals(5, p.out());
        assertEquals(5, started.stream().mapToInt(List::size).sum());
        p.done(started.getFirst().size());
        assertEquals(5, p.out(), "the freed room is filled from the queue");
    }

    @Test
    void boundsBelowOneAreRefusedNamingEach() {
        var e = assertThrows(IllegalArgumentException.class, () -> pipeline(0, 256, 1));
        assertEquals("bounds must be >= 1: maxCalls=0 maxBatch=256 maxItems=1", e.getMessage());
    }
}
