// A floor for comparison: plain Fastify doing only what the pre-check must do (parse the JSON body, run the
// engine, serialise the victim-facing answer), with no Nest, no validation, no rate limit, no logging.
// Run by endpoint.bench.ts against the built domain library (npm run build first).
import Fastify from 'fastify';
import { assessEligibility } from '../../dist/libs/domain/src/index.js';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok', info: {}, error: {}, details: {} }));
app.post('/v1/eligibility-checks', async (request) => {
  const assessment = assessEligibility(request.body);
  return {
    outcome: assessment.outcome,
    edition: assessment.edition,
    deadline: assessment.deadline,
    receivedOn: assessment.receivedOn,
    results: assessment.results.map(({ rule, paragraph, result, reason }) => ({ rule, paragraph, result, reason })),
  };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
