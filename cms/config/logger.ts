import { settings } from '../lib/settings';

export default () => ({ level: settings().logLevel });
