package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    @Test
    void parsesTheTextForm() {
        ColumnMapping m = ColumnMapping.parse(
                "ts=time:epoch_ms,price=px,quantity=qty,side=side:B/S,ticker=@PETR4,exchange=@B");

        assertEquals(new ColumnMapping("time", TimestampUnit.EPOCH_MS, new ColumnMapping.ColumnOrConstant(null, "PETR4"),
                new ColumnMapping.ColumnOrConstant(null, "B"), "px", "qty", new ColumnMapping.Side("side", "B", "S"),
                null, null, 1), m);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "ts=time:epoch_xs,price=px,quantity=q,ticker=@A,exchange=@B => "
                + "must be COLUMN:epoch_ns|epoch_us|epoch_ms|epoch_s|iso: ts=time:epoch_xs",
        "ts=time,price=px,quantity=q,ticker=@A,exchange=@B => "
                + "must be COLUMN:epoch_ns|epoch_us|epoch_ms|epoch_s|iso: ts=time",
        "ts=t:iso,price=px,quantity=q,ticker=@A,exchange=@B,colour=red => unknown mapping key (known: ts, ticker, "
                + "exchange, price, quantity, side, trade_number, tick, quantity_scale): colour=red",
        "ts=t:iso,price=px,quantity=q,ticker=@A => missing mapping key: exchange",
        "ts=t:iso,price=px,quantity=q,ticker=@A,exchange=@B,side=s:B => must be COLUMN:BUY/SELL: side=s:B",
        "ts=t:iso,price=px,quantity=q,ticker=@a b,exchange=@B => must match [A-Z0-9_.-]{1,32}: ticker=@a b",
        "ts=t:iso,price=px,quantity=q,ticker=@A,exchange=@B,tick=0 => must be a decimal > 0: tick=0",
        "ts=t:iso,price=px,quantity=q,ticker=@A,exchange=@B,quantity_scale=x => "
                + "must be an integer > 0: quantity_scale=x",
        "ts=t:iso,price=px,price=p2,quantity=q,ticker=@A,exchange=@B => mapping key given twice: price",
        "ts=t:iso,price,quantity=q,ticker=@A,exchange=@B => must be key=value: mapping entry=price",
        "ts=t:iso,price=,quantity=q,ticker=@A,exchange=@B => must not be empty: price=",
    })
    void namesTheBadKeyOrValue(String text, String message) {
        ReplayException e = assertThrows(ReplayException.class, () -> ColumnMapping.parse(text));

        assertEquals(message, e.getMessage());
    }
}
