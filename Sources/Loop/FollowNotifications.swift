/// Follows a stream of notifications for as long as the calling task runs: subscribes, calls
/// `listening` once the subscription stands and `each` for every element, and when subscribing
/// fails (the database cannot be reached), tries again after a delay that doubles from 200 ms
/// to 5 s. Returns when the stream ends (the pool closed) or the task is cancelled.
///
/// Every process-wide listener (the change feed, token revocations, dispatch offers) keeps
/// going through outages this way rather than giving up on the first refused connection.
@LoopActor
public func followNotifications<Notifications: AsyncSequence>(
    _ subscribe: () async throws -> Notifications, listening: () -> Void, each: (Notifications.Element) -> Void
) async where Notifications.Failure == Never {
    var delay = Duration.milliseconds(200)
    while !Task.isCancelled {
        do {
            let notifications = try await subscribe()
            delay = .milliseconds(200)
            listening()
            for await notification in notifications { each(notification) }
            return
        } catch {
            try? await sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }
}
