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
            next = await withUnsafeContinuation { answerer = .waiting($0) }
        }
        answerer = .none
    }

    /// Answers `first` and then whatever the machine hands over next (pipelined requests).
    func answer(_ first: Machine.Pending) async {
        var next: Machine.Pending? = first
        while let pending = next {
            next = nil
            let written: Bool
            switch pending {
            case .request(let request):
                let response = await server.respond(to: request)
                written = await send(response, answering: request.head)
            case .problem(let problem):
                written = await send(problem.response, answering: nil)
            }
            for action in machine.responseFinished(written: written, now: .now) {
                if case .answer(let following) = action { next = following } else { perform(action) }
            }
            reportIdleness()
        }
    }

    /// Writes one response; false when the socket failed under it.
    private func send(_ response: Response, answering head: RequestHead?) async -> Bool {
        let omitBody = head?.method == "HEAD"
        switch response.body {
        case .bytes(let bytes):
            let keepAlive = machine.responseProduced(isStream: false)
            var out: [UInt8] = []
            out.reserveCapacity(192 + bytes.count)
            ResponseHead.serialize(response, bodyLength: bytes.count, keepAlive: keepAlive,
                                   confirmKeepAlive: head?.version == .http10, date: HTTPDate.now, into: &out)
            if !omitBody { out.append(contentsOf: bytes) }
            return await write(out)
        case .stream(let produce):
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
    }

    /// Queues bytes; waits for them to reach the kernel when the queue is above the high-water
    /// mark, so a client that does not read cannot make the server buffer without bound (and
    /// is cut off after `writeTimeout`).
    func write(_ bytes: [UInt8]) async -> Bool {
        guard !machine.isClosed else { return false }
        if socket.pendingWriteBytes + bytes.count <= server.configuration.writeHighWater {
            socket.write(bytes)
            return !machine.isClosed
        }
        perform(machine.writeBackedUp(now: .now))
        let written = await withCheckedContinuation { continuation in
            socket.write(bytes) { error in continuation.resume(returning: error == nil) }
        }
        perform(machine.writeDrained(now: .now))
        return written && !machine.isClosed
    }
}
