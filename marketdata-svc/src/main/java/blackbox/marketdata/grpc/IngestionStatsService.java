package blackbox.marketdata.grpc;

import blackbox.marketdata.core.Spool;
import blackbox.marketdata.ingest.Ingestion;
import blackbox.marketdata.ingest.RepairQueue;
import blackbox.marketdata.ingest.TradeWriterLoop;
import blackbox.marketdata.v1.GetIngestionStatsRequest;
import blackbox.marketdata.v1.IngestionStats;
import blackbox.marketdata.v1.MarketDataStatsGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Instant;

/**
 * {@code blackbox.marketdata.v1.MarketDataStats}: the ingestion counters for operators. Reads counters only (no
 * lock, no database), on the gRPC thread.
 */
public final class IngestionStatsService extends MarketDataStatsGrpc.MarketDataStatsImplBase {
    private final Ingestion ingestion;
    private final TradeWriterLoop writer;
    private final Spool spool;
    private final RepairQueue repairs;

    public IngestionStatsService(Ingestion ingestion, TradeWriterLoop writer, Spool spool, RepairQueue repairs) {
        this.ingestion = ingestion;
        this.writer = writer;
        this.spool = spool;
        this.repairs = repairs;
    }

    @Override
    public void getIngestionStats(GetIngestionStatsRequest request, StreamObserver<IngestionStats> response) {
        Instant now = Instant.now();
        response.onNext(IngestionStats.newBuilder()
                .setServerNanos(now.getEpochSecond() * 1_000_000_000L + now.getNano())
                .setTradesReceived(ingestion.received())
                .setTradesAccepted(ingestion.accepted())
                .setTradesDuplicate(ingestion.duplicates())
                .setTradesStored(writer.stored())
                .setSpoolSize(spool.size())
                .setSpoolDropped(spool.droppedTotal())
                .setRepairsPending(repairs.pending())
                .setLastBatchNanos(ingestion.lastBatchNanos())
                .setLastBatchLagNanos(ingestion.lastBatchLagNanos())
                .setLastTradeNanos(ingestion.lastTradeNanos())
                .build());
        response.onCompleted();
    }
}
