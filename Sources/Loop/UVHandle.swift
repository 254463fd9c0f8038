import CUV

/// Base of every Swift object that owns a libuv handle.
///
/// The handle's memory is allocated here and freed only in its close callback (libuv may still
/// touch it until then). While open, the object is held by `HandleRegistry`, so the unretained
/// pointer in `handle.data` stays valid for every callback, and shutdown can close whatever is
/// still open.
@LoopActor
public class UVHandle {
    /// The handle, typed as the generic `uv_handle_t`.
    let handle: UnsafeMutablePointer<uv_handle_t>
    public private(set) var isClosed = false

    /// Allocates memory for a handle of `type`; the subclass initialises it with `uv_*_init`
    /// and then calls `didInitialise()`.
    init(type: uv_handle_type) {
        let size = uv_handle_size(type)
        handle = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            .initializeMemory(as: UInt8.self, repeating: 0, count: size)
            .withMemoryRebound(to: uv_handle_t.self, capacity: 1) { $0 }
    }

    /// Reinterprets the handle as its concrete libuv type.
    func typed<H>(_: H.Type) -> UnsafeMutablePointer<H> {
        UnsafeMutableRawPointer(handle).assumingMemoryBound(to: H.self)
    }

    /// Registers the initialised handle; call right after a successful `uv_*_init`.
    func didInitialise() {
        handle.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        HandleRegistry.shared.add(self)
    }

    /// Frees the memory of a handle whose init failed (it was never registered).
    func discardUninitialised() {
        isClosed = true
        UnsafeMutableRawPointer(handle).deallocate()
    }

    /// The object behind a handle in a libuv callback.
    nonisolated static func owner<T: UVHandle>(of handle: UnsafeMutableRawPointer?, as _: T.Type) -> T {
        let raw = handle!.assumingMemoryBound(to: uv_handle_t.self).pointee.data!
        return Unmanaged<T>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Closes the handle; idempotent. Callbacks stop; memory is freed once libuv is done.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        willClose()
        uv_close(handle) { handle in
            LoopActor.assumeIsolated {
                let owner = UVHandle.owner(of: handle, as: UVHandle.self)
                UnsafeMutableRawPointer(handle!).deallocate()
                HandleRegistry.shared.remove(owner)
            }
        }
    }

    /// Hook for subclasses to release what they hold (pending continuations, buffers).
    func willClose() {}
}

/// The open handles of the loop, so that nothing is left open at shutdown.
@LoopActor
final class HandleRegistry {
    static let shared = HandleRegistry()
    private var open: [ObjectIdentifier: UVHandle] = [:]

    func add(_ handle: UVHandle) { open[ObjectIdentifier(handle)] = handle }
    func remove(_ handle: UVHandle) { open[ObjectIdentifier(handle)] = nil }

    /// Closes every handle still open.
    func closeAll() {
        for handle in open.values { handle.close() }
    }
}
