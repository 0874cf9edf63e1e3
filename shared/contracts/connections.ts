import { z } from 'zod';
import {
  ConnectionInput,
  ConnectionStatus,
  ConnectionTestResult,
  ConnectionView,
  Connectivity,
} from '../domain/connection';
import { defineContract, defineEvent, NoInput } from './define';

const ById = z.strictObject({ id: z.string().min(1).max(64) });

export const connectionContracts = {
  list: defineContract({ channel: 'connections:list', input: NoInput, output: z.array(ConnectionView) }),
  status: defineContract({ channel: 'connections:status', input: NoInput, output: ConnectionStatus }),
  save: defineContract({ channel: 'connections:save', input: ConnectionInput, output: ConnectionView }),
  remove: defineContract({ channel: 'connections:remove', input: ById, output: z.null() }),
  test: defineContract({ channel: 'connections:test', input: ConnectionInput, output: ConnectionTestResult }),
  activate: defineContract({ channel: 'connections:activate', input: ById, output: ConnectionStatus }),
};

export const connectionEvents = {
  connectivityChanged: defineEvent({ channel: 'connections:connectivity', payload: Connectivity }),
};
