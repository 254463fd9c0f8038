import Loop

extension HTTPConnection {
    /// Gives a request the machine handed over to the connection's answering task, starting
    /// the task on the first request.
    ///
    /// One task answers every request of a connection, waiting between them, rather than a task
    /// per request: a new task's first frames outgrew the stack it is born with, so each one
    /// allocated and freed its slabs through malloc's slow path (8 mallocs per `GET /healthz`
    /// under callgrind), where a kept task reuses its own.
    func handOver(_ pending: Machine.Pending) {
        switch answerer {
        case .waiting(let continuation):
            answerer = .busy
            continuation.resume(returning: pending)
        case .none:
            answerer = .busy
            EventLoop.shared.task { await self.serveAnswers(first: pending) }
        case .busy:
            // The machine hands over one request at a time, and the next through
            // `responseFinished`; should that ever change, the request is still answered.
            EventLoop.shared.task { await self.answer(pending) }
        }
    }

    /// The answering task: answers, then waits for the next request until the connection closes.
    private func serveAnswers(first: Machine.Pending) async {
        var next: Machine.Pending? = first
        while let pending = next {
            await answer(pending)
            guard !machine.isClosed else { break }
            // `@Sendable`, so nonisolated: a loop-isolated closure handed to
            // `withUnsafeContinuation` gets a runtime executor check in front of it.
            next = await withUnsafeContinuation { @Sendable continuation in
                LoopActor.assumeIsolated { self.answerer = .waiting(continuation) }
            }
        }
        answerer = .none
    }

    /// Answers `first` and then whatever the machine hands over next (pipelined requests).
    ///
    /// A complete body that the socket takes at once is serialised and written here, without an
    /// async call: every async call on this path costs the runtime's executor check on entry and
    /// again on return (about 250 instructions each, the task preferring the loop as its executor).
    /// Inlined into the answering task's loop for the same reason.
    @inline(__always)
    func answer(_ first: Machine.Pending) async {
        var next: Machine.Pending? = first
        while let pending = next {
            next = nil
            let response: Response
            // What the answer depends on in the request's head, taken rather than the head
            // itself: a copy of the head retains each of its strings.
            var omitBody = false
            var isHTTP10 = false
            switch pending {
            case .request(let request):
                omitBody = request.head.method == "HEAD"
                isHTTP10 = request.head.version == .http10
                response = await server.responder.respond(to: request)
            case .problem(let problem):
                response = server.responder.refuse(problem)
            }
            let written: Bool
            switch response.body {
            case .bytes(let body):
                let bytes = serialize(response, body: body, omitBody: omitBody, confirmKeepAlive: isHTTP10)
                if let done = writeWithoutWaiting(bytes) {
                    written = done
                } else {
                    written = await writeWhenDrained(bytes)
                }
            case .stream(let produce):
                written = await sendStreamed(response, produce, omitBody: omitBody)
            }
            for action in machine.responseFinished(written: written, now: .now) {
                if case .answer(let following) = action { next = following } else { perform(action) }
            }
            reportIdleness()
        }
    }

    /// The head and complete body of a response, as written (`omitBody` for HEAD, whose length
    /// is still the GET's; `confirmKeepAlive` for HTTP/1.0, see `ResponseHead.serialize`).
    private func serialize(_ response: Response, body: [UInt8], omitBody: Bool, confirmKeepAlive: Bool) -> [UInt8] {
        let keepAlive = machine.responseProduced(isStream: false)
        var out: [UInt8] = []
        out.reserveCapacity(192 + body.count)
        ResponseHead.serialize(response, bodyLength: body.count, keepAlive: keepAlive, confirmKeepAlive: confirmKeepAlive,
                               date: HTTPDate.now, into: &out)
        if !omitBody { out.append(contentsOf: body) }
        return out
    }

    /// Writes a streamed response; false when the socket failed under its head.
    private func sendStreamed(_ response: Response, _ produce: @Sendable @LoopActor (ResponseStreamWriter) async -> Void,
                              omitBody: Bool) async -> Bool {
        _ = machine.responseProduced(isStream: true)
        guard await write(ResponseHead.serializeStreaming(response, date: HTTPDate.now)) else { return false }
        guard !omitBody else { return true }
        let writer = ResponseStreamWriter(connection: self)
        stream = writer
        perform(machine.streamStarted())
        await produce(writer)
        await writer.end()
        stream = nil
        return true
    }

    /// Queues bytes; waits for them to reach the kernel when the queue is above the high-water
    /// mark, so a client that does not read cannot make the server buffer without bound (and
    /// is cut off after `writeTimeout`).
    func write(_ bytes: [UInt8]) async -> Bool {
        if let written = writeWithoutWaiting(bytes) { return written }
        return await writeWhenDrained(bytes)
    }

    /// Queues bytes when the queue is below the high-water mark and tells whether the connection
    /// is still open; nil when they must wait (`writeWhenDrained`).
    private func writeWithoutWaiting(_ bytes: [UInt8]) -> Bool? {
        guard !machine.isClosed else { return false }
        guard socket.pendingWriteBytes + bytes.count <= server.configuration.writeHighWater else { return nil }
        socket.write(bytes)
        return !machine.isClosed
    }

    /// Writes bytes behind a backed-up queue, waiting until they reach the kernel.
    private func writeWhenDrained(_ bytes: [UInt8]) async -> Bool {
        perform(machine.writeBackedUp(now: .now))
        let written = await withCheckedContinuation { continuation in
            socket.write(bytes) { error in continuation.resume(returning: error == nil) }
        }
        perform(machine.writeDrained(now: .now))
        return written && !machine.isClosed
    }
}
