package blackbox.positions.opening;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.config.ConfigFileException;
import blackbox.positions.config.CsvFile;
import blackbox.positions.core.Scaled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The broker's opening file: positions and cash of every account at the opening of one trade date
 * (format in positions-svc/README.md), the plain CSV of {@link CsvFile}:
 *
 * <pre>
 * record,trade_date,account,ticker,exchange,quantity,average_price,d0,d1,d2
 * position,2025-04-07,1001,PETR4,B,300,38.5012,,,
 * position,2025-04-07,1001,WINM25,F,-2,131250,,,
 * cash,2025-04-07,1001,,,,,100000.00,96150.00,96150.00
 * </pre>
 *
 * A position row: signed quantity (+ long, − short), average price in BRL (points for futures: the previous
 * settlement price), up to 8 decimals. A cash row: projected balances in BRL, cumulative like the broker's
 * statement: d0 settled on the date, d1 on D+1, d2 on D+2. One trade date per file; one row per account and
 * instrument, one cash row per account. The parser checks the shape only; the instrument master is applied
 * when the rows are imported.
 */
public final class BrokerOpeningFile {
    static final List<String> COLUMNS = List.of("record", "trade_date", "account", "ticker", "exchange", "quantity",
            "average_price", "d0", "d1", "d2");

    /** A position row. */
    public record PositionRow(int line, AccountId account, InstrumentId instrument, long quantity, BigDecimal averagePrice) {
    }

    /** A cash row, money in 1e-6 BRL. */
    public record CashRow(int line, AccountId account, long d0, long d1, long d2) {
    }

    /** The whole file. */
    public record Parsed(LocalDate tradeDate, List<PositionRow> positions, List<CashRow> cash) {
    }

    private enum Record { position, cash }

    private BrokerOpeningFile() {
    }

    /** @throws ConfigFileException naming the file, line, field and value; the file is refused whole */
    public static Parsed parse(String file, String content) {
        LocalDate date = null;
        List<PositionRow> positions = new ArrayList<>();
        List<CashRow> cash = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvFile.Row row : CsvFile.read(file, content, COLUMNS)) {
            Record kind = row.choice("record", Record.class);
            LocalDate d = row.date("trade_date");
            if (date == null) date = d;
            if (!d.equals(date)) throw row.fail("trade_date", row.text("trade_date"), "must be the file's one trade date " + date);
            String accountText = row.required("account");
            if (!AccountId.valid(accountText)) throw row.fail("account", accountText, "must match [A-Za-z0-9._-]{1,32}");
            AccountId account = new AccountId(accountText);
            if (kind == Record.position) {
                String ticker = row.required("ticker");
                if (!InstrumentId.validTicker(ticker)) throw row.fail("ticker", ticker, "must match [A-Z0-9_.-]{1,32}");
                String exchange = row.required("exchange");
                if (!InstrumentId.validExchange(exchange)) throw row.fail("exchange", exchange, "must match [A-Z0-9_]{1,8}");
                long quantity = row.integer("quantity", -1_000_000_000_000L, 1_000_000_000_000L);
                BigDecimal average = row.decimal("average_price");
                if (average.signum() < 0) throw row.fail("average_price", row.text("average_price"), "must be >= 0");
                if (average.stripTrailingZeros().scale() > 8) {
                    throw row.fail("average_price", row.text("average_price"), "must have at most 8 decimals");
                }
                for (String f : List.of("d0", "d1", "d2")) {
                    if (!row.text(f).isEmpty()) throw row.fail(f, row.text(f), "must be empty on a position row");
                }
                if (!seen.add(accountText + "|" + ticker + ":" + exchange)) {
                    throw row.fail("ticker", ticker, "is listed twice for account " + accountText);
                }
                positions.add(new PositionRow(row.line, account, new InstrumentId(ticker, exchange), quantity, average));
            } else {
                for (String f : List.of("ticker", "exchange", "quantity", "average_price")) {
                    if (!row.text(f).isEmpty()) throw row.fail(f, row.text(f), "must be empty on a cash row");
                }
                if (!seen.add(accountText + "|cash")) throw row.fail("account", accountText, "has two cash rows");
                cash.add(new CashRow(row.line, account, row.scaled("d0", Scaled.MONEY_SCALE),
                        row.scaled("d1", Scaled.MONEY_SCALE), row.scaled("d2", Scaled.MONEY_SCALE)));
            }
        }
        if (date == null) throw new ConfigFileException(file, 0, "has no position or cash row");
        return new Parsed(date, positions, cash);
    }
}
