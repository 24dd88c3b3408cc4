// POST /sms: the router. The receiving number's entry in the routing file decides.
import { router } from '../src/runtime/endpoints';

export const handler = router();
