import HTTP

/// The request context of the test pipelines: the server's facts and nothing more.
struct TestContext: RequestContext {
    var core: CoreRequestContext<Void>

    init(core: CoreRequestContext<Void>) {
        self.core = core
    }
}
