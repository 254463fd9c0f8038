import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// `GET /v1/reports/indicators` and `GET /v1/reports/spc` (manager; SPEC §7): figures computed
/// from the committed records at the moment of the request, suppressed for small cells, as
/// JSON, CSV or a printable HTML page.
enum ReportRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/reports/indicators", access: .roles([.manager])) { request, requestContext in
            let principal = try requestContext.principal
            var query = QueryReader(request)
            let parameters = ReportParameters.read(&query, formats: [.json, .csv, .html], periodsInGroupBy: true)
            let suppress = query.string("suppress") ?? "true"
            if suppress != "true" && suppress != "false" { query.fail("suppress", "must be true or false") }
            guard let parameters, query.errors.isEmpty else { throw Problem.validation(query.errors) }
            // Small cells are hidden from everyone but administrators (SPEC §7).
            if suppress == "false" && principal.role != .admin {
                throw Problem(status: 403, detail: "Only administrators may ask for unsuppressed figures.")
            }
            let figures = try await context.indicators.figures(
                indicatorQuery(parameters, groupBy: parameters.groupBy, selection: .report, context: context),
                auditedAs: principal.name, report: "reports/indicators")
            let report = IndicatorReport(
                from: parameters.from, to: parameters.to, timeZone: parameters.timeZone, groupBy: parameters.groupBy,
                policy: suppress == "false" ? .off : .standard, groups: figures)
            switch parameters.format {
            case .json: return .json(report.json(window: parameters.window))
            case .csv: return .text(report.csv, contentType: "text/csv; charset=utf-8")
            case .html: return .text(report.html, contentType: "text/html; charset=utf-8")
            }
        }

        builder.add("GET", "/v1/reports/spc", access: .roles([.manager])) { request, requestContext in
            let principal = try requestContext.principal
            var query = QueryReader(request)
            let parameters = ReportParameters.read(&query, formats: [.json, .html], periodsInGroupBy: false)
            var indicator: Indicator?
            if let name = query.string("indicator", required: true) {
                do throws(IndicatorQueryError) {
                    indicator = try Indicator.charted(name)
                } catch {
                    query.fail(error.parameter, error.message)
                }
            }
            let periodName = query.string("period") ?? "week"
            let period = GroupDimension(rawValue: periodName).flatMap { $0.period == nil ? nil : $0 }
            if period == nil { query.fail("period", "must be day, week or month") }
            let baseline = query.integer("baseline", in: 1...10_000)
            guard let parameters, let indicator, let period, query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let figures = try await context.indicators.figures(
                indicatorQuery(parameters, groupBy: parameters.groupBy + [period], selection: .chart(indicator), context: context),
                auditedAs: principal.name, report: "reports/spc")
            let rows = figures.compactMap { group, figures -> SPCReport.Row? in
                guard case .date(let start)? = group.values.last else { return nil }
                return SPCReport.Row(group: GroupKey(Array(group.values.dropLast())), periodStart: start, figures: figures)
            }
            guard let calendarPeriod = period.period,
                  let report = SPCReport(indicator: indicator, period: calendarPeriod, from: parameters.from, to: parameters.to,
                                         timeZone: parameters.timeZone, groupBy: parameters.groupBy, baseline: baseline, rows: rows)
            else { throw Problem.validation([(path: "indicator", message: "must be a rate or a time")]) }
            switch parameters.format {
            case .html: return .text(report.html, contentType: "text/html; charset=utf-8")
            default: return .json(report.json(window: parameters.window))
            }
        }
    }

    private static func indicatorQuery(_ parameters: ReportParameters, groupBy: [GroupDimension], selection: FigureSelection,
                                       context: APIContext) -> IndicatorQuery {
        IndicatorQuery(from: parameters.from, to: parameters.to, timeZone: parameters.timeZone, groupBy: groupBy,
                       answerTargetSeconds: context.settings.answerTargetSeconds, selection: selection)
    }
}
