import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './expose';

contextBridge.exposeInMainWorld('deskside', createPreloadApi(ipcRenderer));
