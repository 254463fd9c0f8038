import HTTP
import LodestarCore
import LodestarStore

/// `GET /v1/stream` (dispatcher, manager): Server-Sent Events of board changes from every
/// process sharing the database (SPEC §4). With `Last-Event-ID`, what the client missed comes
/// first, in order; without it, or with an id beyond the newest change, the stream starts with
/// the next change. Opening a stream is audited (it reads dispatches and follow-ups).
enum StreamRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/stream", access: .roles([.dispatcher, .manager])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let session = StreamSession(feed: context.database.changeFeed, log: context.database.changeLog,
                                        heartbeat: context.settings.streamHeartbeat)
            // Subscribed before the starting position is read, so that no change falls between.
            session.subscribe()
            do {
                try await session.startAfter(lastEventID: request.header("Last-Event-ID"), actor: principal.name)
            } catch {
                session.cancel()
                throw error
            }
            return .eventStream { writer in await session.run(writer) }
        }
    }
}
