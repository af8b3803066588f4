import { defineElement } from '../define.js';
import { SiDataSource } from '../elements/si-data-source.js';

defineElement('si-data-source', SiDataSource);
