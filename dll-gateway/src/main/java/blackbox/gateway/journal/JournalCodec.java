package blackbox.gateway.journal;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.IdempotencyKey;
import blackbox.gateway.trading.OrderIntent;
import blackbox.gateway.trading.OrderSide;
import blackbox.gateway.trading.OrderType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The journal's line format: tab-separated fields, the record type first and a CRC32C (8 hex digits) of everything
 * before it last, so a line torn by a crash is recognised. Text fields escape {@code \\}, tab, CR and LF.
 *
 * <pre>
 * I  key  wallNanos  dllNanos  ORDER|ZERO_POSITION  broker  account  sub  ticker  exchange  BUY|SELL|-  MARKET|LIMIT|STOP_LIMIT|-  qty  price|-  stop|-  positionType  crc
 * S  key  sessionId  generation  localOrderId  messageId  crc
 * X  key  nresult  crc
 * B  key  clOrderId  crc
 * N  key  reason  crc
 * </pre>
 */
public final class JournalCodec {
    private JournalCodec() {
    }

    /** A record as one line, newline included. */
    public static String encode(JournalRecord record) {
        StringBuilder b = new StringBuilder(160);
        switch (record) {
            case JournalRecord.Intent i -> {
                OrderIntent o = i.intent();
                b.append('I');
                f(b, o.key().value()).append('\t').append(i.wallNanos()).append('\t').append(i.dllNanos());
                f(b, o.kind().name()).append('\t').append(o.account().brokerId());
                f(b, o.account().accountId());
                f(b, o.account().subAccountId());
                f(b, o.instrument().ticker());
                f(b, o.instrument().exchange());
                f(b, o.side() == null ? "-" : o.side().name());
                f(b, o.ordType() == null ? "-" : o.ordType().name());
                b.append('\t').append(o.quantity());
                f(b, o.price() == null ? "-" : o.price().toPlainString());
                f(b, o.stopPrice() == null ? "-" : o.stopPrice().toPlainString());
                b.append('\t').append(o.positionType());
            }
            case JournalRecord.Sent s -> {
                b.append('S');
                f(b, s.key());
                f(b, s.sessionId()).append('\t').append(s.generation()).append('\t').append(s.localOrderId())
                        .append('\t').append(s.messageId());
            }
            case JournalRecord.Refused r -> {
                b.append('X');
                f(b, r.key()).append('\t').append(r.code());
            }
            case JournalRecord.Bound bd -> {
                b.append('B');
                f(b, bd.key());
                f(b, bd.clOrderId());
            }
            case JournalRecord.NotSent n -> {
                b.append('N');
                f(b, n.key());
                f(b, n.reason());
            }
        }
        String body = b.toString();
        return body + '\t' + crc(body) + '\n';
    }

    private static StringBuilder f(StringBuilder b, String text) {
        b.append('\t');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    /** Why a line could not be read. */
    public static final class BadLineException extends Exception {
        public BadLineException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses one line (without its newline).
     *
     * @throws BadLineException when the checksum or a field is wrong (the message names the field)
     */
    public static JournalRecord decode(String line) throws BadLineException {
        int last = line.lastIndexOf('\t');
        if (last < 0) throw new BadLineException("no checksum");
        String body = line.substring(0, last);
        if (!line.substring(last + 1).equals(crc(body))) throw new BadLineException("checksum mismatch");
        String[] f = body.split("\t", -1);
        for (int i = 0; i < f.length; i++) f[i] = unescape(f[i]);
        try {
            return switch (f[0]) {
                case "I" -> {
                    need(f, 16);
                    OrderIntent intent = new OrderIntent(new IdempotencyKey(f[1]), OrderIntent.Kind.valueOf(f[4]),
                            new AccountKey(Integer.parseInt(f[5]), f[6], f[7]), new InstrumentId(f[8], f[9]),
                            f[10].equals("-") ? null : OrderSide.valueOf(f[10]),
                            f[11].equals("-") ? null : OrderType.valueOf(f[11]), Long.parseLong(f[12]),
                            f[13].equals("-") ? null : new BigDecimal(f[13]), f[14].equals("-") ? null : new BigDecimal(f[14]),
                            Integer.parseInt(f[15]));
                    yield new JournalRecord.Intent(intent, Long.parseLong(f[2]), Long.parseLong(f[3]));
                }
                case "S" -> {
                    need(f, 6);
                    yield new JournalRecord.Sent(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
                }
                case "X" -> {
                    need(f, 3);
                    yield new JournalRecord.Refused(f[1], Integer.parseInt(f[2]));
                }
                case "B" -> {
                    need(f, 3);
                    yield new JournalRecord.Bound(f[1], f[2]);
                }
                case "N" -> {
                    need(f, 3);
                    yield new JournalRecord.NotSent(f[1], f[2]);
                }
                default -> throw new BadLineException("unknown record type \"" + f[0] + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new BadLineException(e.getMessage());
        }
    }

    private static void need(String[] f, int n) throws BadLineException {
        if (f.length != n) throw new BadLineException("record " + f[0] + " has " + f.length + " fields, expected " + n);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String crc(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String hex = Long.toHexString(crc.getValue());
        return "00000000".substring(hex.length()) + hex;
    }
}
