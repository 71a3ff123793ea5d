// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * A broker's account list changed ({@code SetBrokerAccountListChangedCallback}, 4.0.0.28); {@code Changed} is a
 * {@code uint32_t}.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*TConnectorBrokerAccountListCallback)(int32_t BrokerID, uint32_t Changed);
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorBrokerAccountListCallback {

    TConnectorBrokerAccountListCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(int BrokerID, int Changed);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_INT,
        ProfitDLL.C_INT
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TConnectorBrokerAccountListCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TConnectorBrokerAccountListCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, int BrokerID, int Changed) {
        try {
            DOWN$MH.invokeExact(funcPtr, BrokerID, Changed);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
