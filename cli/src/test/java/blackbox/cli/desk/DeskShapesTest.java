package blackbox.cli.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The scriptable JSON of issue 17, from web-bff's REST answers: exactly the fields, in order, values untouched. */
class DeskShapesTest {
    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void anOrderKeepsExactlyTheIssuesFieldsWithItsFillsAndAcceptance() throws Exception {
        JsonNode rest = json("{'cl_ord_id':'c1','order_id':'X9','account':'4512074','symbol':'PETR4','side':'buy',"
                + "'ord_type':'limit','price':'34.10','stop_price':null,'order_qty':300,'cum_qty':300,'leaves_qty':0,"
                + "'avg_px':'34.1','notional':'10230.00','ord_status':'FILLED','text':'','user':'trader',"
                + "'fills':[{'exec_id':'e1','last_px':'34.10','last_qty':300,'ts_event':'2026-12-03T13:08:42.011173137Z','extra':1}],"
                + "'accepted_at':'2026-12-03T13:08:42.001Z','created_at':'x'}");
        assertEquals("{\"cl_ord_id\":\"c1\",\"account\":\"4512074\",\"symbol\":\"PETR4\",\"side\":\"buy\",\"ord_type\":\"limit\","
                        + "\"price\":\"34.10\",\"stop_price\":null,\"order_qty\":300,\"cum_qty\":300,\"leaves_qty\":0,\"avg_px\":\"34.1\","
                        + "\"ord_status\":\"FILLED\",\"fills\":[{\"exec_id\":\"e1\",\"last_px\":\"34.10\",\"last_qty\":300,"
                        + "\"ts_event\":\"2026-12-03T13:08:42.011173137Z\"}],\"accepted_at\":\"2026-12-03T13:08:42.001Z\"}",
                DeskShapes.order(rest).toString());
    }

    @Test
    void anOrderNotYetAcceptedHasNullAcceptanceAndNoFills() throws Exception {
        JsonNode o = DeskShapes.order(json("{'cl_ord_id':'c2','ord_status':'PENDING_NEW','fills':[],'accepted_at':null}"));
        assertEquals(DeskShapes.ORDER, fieldNames(o));
        assertEquals(true, o.get("accepted_at").isNull());
        assertEquals(0, o.get("fills").size());
        assertEquals(true, o.get("price").isNull(), "a field web-bff did not send is null, never dropped");
    }

    @Test
    void positionsBalancesAndAccountsKeepTheirFields() throws Exception {
        assertEquals("[{\"account\":\"a\",\"symbol\":\"PETR4\",\"quantity\":700,\"avg_price\":\"36.12\",\"realized_pnl\":\"-560.00\","
                        + "\"unrealized_pnl\":\"0\"}]",
                DeskShapes.positions(json("[{'account':'a','symbol':'PETR4','group':'g','quantity':700,'avg_price':'36.12',"
                        + "'realized_pnl':'-560.00','unrealized_pnl':'0','cost':'25284'}]")).toString());
        assertEquals("[{\"account\":\"a\",\"d0\":\"250000.00\",\"d1\":\"250000.00\",\"d2\":\"267024.89\"}]",
                DeskShapes.balances(json("[{'account':'a','as_of':'2026-12-03','d0':'250000.00','d1':'250000.00','d2':'267024.89'}]")).toString());
        assertEquals("[{\"account\":\"4512031\",\"name\":\"Ana Beatriz Carvalho\",\"group\":\"acoes-long-only\"}]",
                DeskShapes.accounts(json("[{'account':'4512031','name':'Ana Beatriz Carvalho','group':'acoes-long-only','group_name':'Ações Long Only','enabled':true}]")).toString());
    }

    private static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
