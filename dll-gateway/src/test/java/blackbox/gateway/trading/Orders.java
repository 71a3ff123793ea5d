package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Test builders: DLL snapshots of one order, as the simulator would give them. */
final class Orders {
    static final AccountKey ACCOUNT = new AccountKey(308, "1001", "");
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    private Orders() {
    }

    static OrderIntent limitBuy(String key, long qty, String price) {
        return new OrderIntent(new IdempotencyKey(key), OrderIntent.Kind.ORDER, ACCOUNT, PETR4, OrderSide.BUY,
                OrderType.LIMIT, qty, new BigDecimal(price), null, 0);
    }

    /** A mutable snapshot under construction. */
    static final class Snap {
        long local = 7;
        String cl = "CL-7";
        int status;
        long qty = 500;
        long cum;
        long leaves = 500;
        double price = 36.01;
        double stop = -1;
        double avg;
        String text = "";
        long updated = 1_000;
        long eventId;

        Snap status(int s) {
            status = s;
            return this;
        }

        Snap fill(long cum, double avg) {
            this.cum = cum;
            this.avg = avg;
            this.leaves = qty - cum;
            return this;
        }

        Snap leaves(long l) {
            leaves = l;
            return this;
        }

        Snap text(String t) {
            text = t;
            return this;
        }

        Snap qty(long q) {
            qty = q;
            leaves = q - cum;
            return this;
        }

        Snap price(double p) {
            price = p;
            return this;
        }

        Snap event(long id) {
            eventId = id;
            return this;
        }

        Snap at(long updatedNanos) {
            updated = updatedNanos;
            return this;
        }

        OrderSnapshot build() {
            return new OrderSnapshot(local, cl, ACCOUNT, PETR4, 1, 2, status, qty, cum, leaves, price, stop, avg, text,
                    500, updated, 0, eventId);
        }
    }

    static Snap snap() {
        return new Snap();
    }

    /** Collects reports. */
    static final class Collected implements ReportSink {
        final List<ExecReport> reports = new ArrayList<>();

        @Override
        public void accept(ExecReport report) {
            reports.add(report);
        }

        List<ExecReport> take() {
            List<ExecReport> r = List.copyOf(reports);
            reports.clear();
            return r;
        }
    }
}
