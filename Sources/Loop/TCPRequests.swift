import CUV

/// One `uv_write`: owns a copy of the bytes until libuv reports them written.
@LoopActor
final class WriteRequest {
    private let request = UnsafeMutablePointer<uv_write_t>.allocate(capacity: 1)
    private let bytes: UnsafeMutableRawBufferPointer
    private let completion: (@LoopActor (UVError?) -> Void)?

    private init(copying source: UnsafeRawBufferPointer, completion: (@LoopActor (UVError?) -> Void)?) {
        bytes = .allocate(byteCount: max(source.count, 1), alignment: 1)
        if source.count > 0 { bytes.copyMemory(from: source) }
        self.completion = completion
    }

    static func start(on connection: TCPConnection, copying source: UnsafeRawBufferPointer, completion: (@LoopActor (UVError?) -> Void)?) {
        let write = WriteRequest(copying: source, completion: completion)
        write.request.pointee.data = Unmanaged.passRetained(write).toOpaque()
        var buffer = uv_buf_t(base: write.bytes.baseAddress!.assumingMemoryBound(to: CChar.self), len: source.count)
        let status = uv_write(write.request, connection.stream, &buffer, 1) { request, status in
            LoopActor.assumeIsolated {
                let write = Unmanaged<WriteRequest>.fromOpaque(request!.pointee.data).takeRetainedValue()
                write.completion?(status < 0 ? UVError(code: status) : nil)
            }
        }
        if status < 0 {
            Unmanaged<WriteRequest>.fromOpaque(write.request.pointee.data).release()
            completion?(UVError(code: status))
        }
    }

    isolated deinit {
        bytes.deallocate()
        request.deallocate()
    }
}

/// One `uv_shutdown` (half-close after pending writes).
@LoopActor
final class ShutdownRequest {
    private let request = UnsafeMutablePointer<uv_shutdown_t>.allocate(capacity: 1)
    private let completion: @LoopActor () -> Void

    private init(completion: @escaping @LoopActor () -> Void) { self.completion = completion }

    static func start(on connection: TCPConnection, completion: @escaping @LoopActor () -> Void) {
        let shutdown = ShutdownRequest(completion: completion)
        shutdown.request.pointee.data = Unmanaged.passRetained(shutdown).toOpaque()
        let status = uv_shutdown(shutdown.request, connection.stream) { request, _ in
            LoopActor.assumeIsolated {
                Unmanaged<ShutdownRequest>.fromOpaque(request!.pointee.data).takeRetainedValue().completion()
            }
        }
        if status < 0 {
            Unmanaged<ShutdownRequest>.fromOpaque(shutdown.request.pointee.data).release()
            completion()
        }
    }

    isolated deinit { request.deallocate() }
}
