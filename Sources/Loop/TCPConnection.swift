import CUV

/// One TCP stream on the loop: reads delivered by callback, writes queued in order.
@LoopActor
public final class TCPConnection: UVHandle {
    /// What a read produced. `data` points into the connection's read buffer and is valid only
    /// during the callback: copy what you keep.
    public enum ReadEvent {
        case data(UnsafeRawBufferPointer)
        case endOfStream
        case failed(UVError)
    }

    public typealias ReadCallback = @LoopActor (ReadEvent) -> Void
    private var onRead: ReadCallback?
    /// Immutable until the deinit frees it, so libuv's allocation callback may read it without
    /// isolation.
    private nonisolated(unsafe) let readBuffer: UnsafeMutableRawBufferPointer

    /// A stream handle, initialised but not yet connected or accepted.
    init(readBufferSize: Int = 64 * 1024) throws(UVError) {
        readBuffer = .allocate(byteCount: readBufferSize, alignment: 16)
        super.init(type: UV_TCP)
        let status = uv_tcp_init(EventLoop.shared.raw, typed(uv_tcp_t.self))
        if status < 0 { discardUninitialised(); readBuffer.deallocate(); throw UVError(code: status) }
        didInitialise()
    }

    var stream: UnsafeMutablePointer<uv_stream_t> { typed(uv_stream_t.self) }

    /// Disables Nagle's algorithm: responses go out as soon as they are written.
    public func setNoDelay() { uv_tcp_nodelay(typed(uv_tcp_t.self), 1) }

    // MARK: Reading

    /// Starts delivering reads to `callback` until `stopReading`, end of stream or close.
    public func startReading(_ callback: @escaping ReadCallback) {
        guard !isClosed else { return }
        onRead = callback
        // Both callbacks run on every read, so they are nonisolated (`@Sendable`): written plainly
        // here they would inherit the loop's isolation, and the compiler then puts a runtime check
        // of the current executor in front of each (about 175 instructions a call).
        // `assumeIsolated` checks the thread instead.
        let status = uv_read_start(stream, { @Sendable handle, _, buffer in
            let readBuffer = UVHandle.owner(of: handle, as: TCPConnection.self).readBuffer
            buffer!.pointee.base = readBuffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            buffer!.pointee.len = readBuffer.count
        }, { @Sendable handle, count, _ in
            let owner = UVHandle.owner(of: handle, as: TCPConnection.self)
            LoopActor.assumeIsolated { owner.didRead(count) }
        })
        if status < 0 { callback(.failed(UVError(code: status))) }
    }

    /// Stops reading, e.g. for back-pressure; `startReading` resumes.
    public func stopReading() {
        guard !isClosed else { return }
        uv_read_stop(stream)
    }

    private func didRead(_ count: Int) {
        guard let onRead else { return }
        if count > 0 {
            onRead(.data(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])))
        } else if count == Int(UV_EOF.rawValue) {
            onRead(.endOfStream)
        } else if count < 0 {
            onRead(.failed(UVError(code: Int32(count))))
        }
        // count == 0 is libuv's "nothing this time" (EAGAIN): nothing to report.
    }

    // MARK: Writing

    /// Bytes queued in libuv but not yet handed to the kernel: the back-pressure signal.
    public var pendingWriteBytes: Int {
        isClosed ? 0 : uv_stream_get_write_queue_size(stream)
    }

    /// Writes `bytes` after everything written before. Tries a direct non-blocking write first,
    /// so a response that fits the socket buffer costs no allocation or extra loop turn.
    /// `completion` runs once the bytes are handed to the kernel, or with the failure.
    public func write(_ bytes: UnsafeRawBufferPointer, completion: (@LoopActor (UVError?) -> Void)? = nil) {
        guard !isClosed else { completion?(.cancelled); return }
        let written = pendingWriteBytes == 0 ? Self.tryWrite(bytes, to: stream) : Int32(UV_EAGAIN.rawValue)
        finishWrite(bytes, written: written, completion: completion)
    }

    public func write(_ bytes: [UInt8], completion: (@LoopActor (UVError?) -> Void)? = nil) {
        guard !isClosed else { completion?(.cancelled); return }
        // The array's bytes are borrowed in a nonisolated helper when the direct write takes
        // them all: a closure written here would be loop-isolated, and handing it to
        // `withUnsafeBytes` puts a runtime executor check in front of it, once per response.
        let written = pendingWriteBytes == 0 ? Self.tryWrite(bytes, to: stream) : Int32(UV_EAGAIN.rawValue)
        if written == Int32(bytes.count) { completion?(nil); return }
        bytes.withUnsafeBytes { finishWrite($0, written: written, completion: completion) }
    }

    /// After a direct write that took `written` bytes (or failed with that code): reports
    /// completion, or queues what is left.
    private func finishWrite(_ bytes: UnsafeRawBufferPointer, written: Int32, completion: (@LoopActor (UVError?) -> Void)?) {
        if written == Int32(bytes.count) { completion?(nil); return }
        var offset = 0
        if written > 0 { offset = Int(written) }
        else if written != Int32(UV_EAGAIN.rawValue) { completion?(UVError(code: written)); return }
        WriteRequest.start(on: self, copying: UnsafeRawBufferPointer(rebasing: bytes[offset...]), completion: completion)
    }

    /// A direct non-blocking write: how many bytes the kernel took, or libuv's error code
    /// (`UV_EAGAIN` when it took none; also for no bytes, which are queued like any write).
    private nonisolated static func tryWrite(_ bytes: UnsafeRawBufferPointer, to stream: UnsafeMutablePointer<uv_stream_t>) -> Int32 {
        guard bytes.count > 0 else { return Int32(UV_EAGAIN.rawValue) }
        var buffer = uv_buf_t(base: UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: CChar.self)), len: bytes.count)
        return uv_try_write(stream, &buffer, 1)
    }

    private nonisolated static func tryWrite(_ bytes: [UInt8], to stream: UnsafeMutablePointer<uv_stream_t>) -> Int32 {
        bytes.withUnsafeBytes { tryWrite($0, to: stream) }
    }

    /// Sends FIN after queued writes, then calls back.
    public func shutdownWrites(_ completion: @escaping @LoopActor () -> Void) {
        guard !isClosed else { completion(); return }
        ShutdownRequest.start(on: self, completion: completion)
    }

    override func willClose() {
        onRead = nil
    }

    isolated deinit {
        readBuffer.deallocate()
    }
}
