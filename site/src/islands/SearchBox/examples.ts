/** The search box as pages use it, for the render tests and any gallery. */
import { pathTo } from '@portal/cms/contracts/browser';
import { messages } from '../../i18n';
import type { SearchBoxProps } from './SearchBox';

export const searchBoxExamples: Record<string, SearchBoxProps> = {
  header: { locale: 'vi', messages: messages('vi', 'searchBox'), action: pathTo('search', 'vi'), id: 'header-search' },
  englishWithQuery: { locale: 'en', messages: messages('en', 'searchBox'), action: pathTo('search', 'en'), id: 'home-search', initialQuery: 'birth' },
};
