package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.ffm.TConnectorAccountIdentifier;
import blackbox.gateway.ffm.TConnectorAssetIdentifier;
import blackbox.gateway.trading.AccountKey;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The native forms of accounts, instruments and passwords, made once and reused by every request: building
 * UTF-16 strings per call was the order path's main cost. Segments live in an automatic arena (freed when this
 * cache is unreachable); the DLL only reads them during a call. Thread-safe.
 */
final class NativeIdentifiers {
    private final Arena arena = Arena.ofAuto();
    private final RoutingPasswords passwords;
    private final Map<AccountKey, MemorySegment> accounts = new ConcurrentHashMap<>();
    private final Map<InstrumentId, MemorySegment> assets = new ConcurrentHashMap<>();
    private final Map<AccountKey, MemorySegment> passwordSegments = new ConcurrentHashMap<>();

    NativeIdentifiers(RoutingPasswords passwords) {
        this.passwords = passwords;
    }

    /** A {@code TConnectorAccountIdentifier} (Version 0) of the account. */
    MemorySegment account(AccountKey key) {
        return accounts.computeIfAbsent(key, k -> {
            MemorySegment s = TConnectorAccountIdentifier.allocate(arena);
            TConnectorAccountIdentifier.Version(s, (byte) 0);
            TConnectorAccountIdentifier.BrokerID(s, k.brokerId());
            TConnectorAccountIdentifier.AccountID(s, Utf16.allocate(arena, k.accountId()));
            TConnectorAccountIdentifier.SubAccountID(s, k.isSubAccount() ? Utf16.allocate(arena, k.subAccountId()) : MemorySegment.NULL);
            TConnectorAccountIdentifier.Reserved(s, 0);
            return s;
        });
    }

    /** A {@code TConnectorAssetIdentifier} (Version 0, feed 0) of the instrument. */
    MemorySegment asset(InstrumentId id) {
        return assets.computeIfAbsent(id, k -> {
            MemorySegment s = TConnectorAssetIdentifier.allocate(arena);
            TConnectorAssetIdentifier.Version(s, (byte) 0);
            TConnectorAssetIdentifier.Ticker(s, Utf16.allocate(arena, k.ticker()));
            TConnectorAssetIdentifier.Exchange(s, Utf16.allocate(arena, k.exchange()));
            TConnectorAssetIdentifier.FeedType(s, (byte) 0);
            return s;
        });
    }

    /** The account's routing password as UTF-16, or {@code null} when it has none. */
    MemorySegment password(AccountKey key) {
        MemorySegment s = passwordSegments.get(key);
        if (s != null) return s;
        String p = passwords.password(key).orElse(null);
        if (p == null) return null;
        return passwordSegments.computeIfAbsent(key, k -> Utf16.allocate(arena, p));
    }

    RoutingPasswords passwords() {
        return passwords;
    }
}
