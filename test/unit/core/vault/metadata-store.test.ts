import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DocumentStore } from '../../../../src/core/vault/metadata-store'
import { tempDir } from './fake-store'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const parse = (data: unknown) => z.object({ items: z.array(z.string()) }).parse(data)

async function setup() {
  const dir = await tempDir('authdesk-meta-')
  const path = join(dir, 'doc.json')
  const open = () => new DocumentStore({ path, format: 'test-doc', version: 1, parse })
  return { dir, path, open }
}

describe('DocumentStore', () => {
  it('starts empty when there is no file, then round-trips what it saved (file and backup)', async () => {
    const { path, open } = await setup()
    expect(await open().load()).toEqual({ value: null, notices: [] })
    await open().save({ items: ['a', 'b'] })
    expect(await open().load()).toEqual({ value: { items: ['a', 'b'] }, notices: [] })
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(await readFile(path, 'utf8'))
  })

  it('loads an unchanged file once, sees every replacement (its own or another process’s), and hands out frozen data', async () => {
    const { path, open } = await setup()
    const mine = open()
    await open().save({ items: ['a'] })
    const first = await mine.load()
    expect(Object.isFrozen(first.value!.items)).toBe(true)
    expect((await mine.load()).value).toBe(first.value)
    await open().save({ items: ['b'] })
    expect((await mine.load()).value).toEqual({ items: ['b'] })
    await mine.save({ items: ['c'] })
    expect((await mine.load()).value).toEqual({ items: ['c'] })
    // Damaged in place with the same size: the checksum still catches it on the next load.
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('"c"', '"d"'))
    expect((await mine.load()).notices).toEqual([expect.objectContaining({ code: 'metadata.restored-from-backup' })])
  })

  it('counts generations', async () => {
    const { path, open } = await setup()
    const store = open()
    await store.save({ items: [] })
    await store.save({ items: ['x'] })
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'test-doc', version: 1, generation: 2 })
  })

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), 'not valid JSON'],
    ['a changed value (checksum)', (text: string) => text.replace('"keep"', '"kept"'), 'checksum'],
    ['empty', () => '', 'not valid JSON'],
    ['another format', () => JSON.stringify({ format: 'other' }), 'not an AuthDesk account file'],
    ['wrong structure with a matching checksum', (text: string) => JSON.stringify({ ...JSON.parse(text), data: {}, sha256: sha256('{}') }), 'expected structure'],
  ])('a damaged main file (%s) is reported, kept aside and restored from the backup', async (_name, damage, reason) => {
    const { dir, path, open } = await setup()
    await open().save({ items: ['keep'] })
    await writeFile(path, damage(await readFile(path, 'utf8')))
    const loaded = await open().load()
    expect(loaded.value).toEqual({ items: ['keep'] })
    expect(loaded.notices).toEqual([{ code: 'metadata.restored-from-backup', message: expect.stringContaining(reason) }])
    expect((await readdir(dir)).some((n) => n.startsWith('doc.json.corrupt-'))).toBe(true)
    expect(await open().load()).toEqual({ value: { items: ['keep'] }, notices: [] }) // repaired on disk
  })

  it('a missing main file is restored from the backup, and says so', async () => {
    const { path, open } = await setup()
    await open().save({ items: ['keep'] })
    await unlink(path)
    const loaded = await open().load()
    expect(loaded.value).toEqual({ items: ['keep'] })
    expect(loaded.notices[0]!.message).toContain('was missing')
  })

  it('never resets silently: both files unreadable is an error, and neither file is changed', async () => {
    const { dir, path, open } = await setup()
    await open().save({ items: ['keep'] })
    await writeFile(path, '{"broken')
    await writeFile(`${path}.bak`, '')
    await expect(open().load()).rejects.toMatchObject({ code: 'vault.metadata-unreadable', message: expect.stringContaining('has not changed either file') })
    expect(await readFile(path, 'utf8')).toBe('{"broken')
    expect((await readdir(dir)).sort()).toEqual(['doc.json', 'doc.json.bak'])
  })

  it('refuses a file from a newer version instead of falling back to an older backup', async () => {
    const { path, open } = await setup()
    await open().save({ items: ['keep'] })
    const newer = JSON.parse(await readFile(path, 'utf8')) as { version: number }
    newer.version = 99
    await writeFile(path, JSON.stringify(newer))
    await expect(open().load()).rejects.toMatchObject({ message: expect.stringContaining('newer version') })
  })

  it('removes temp files left by a killed writer', async () => {
    const { dir, path, open } = await setup()
    await open().save({ items: [] })
    await writeFile(`${path}.tmp-123-abcd`, '{"half')
    await writeFile(`${path}.bak.tmp-123-abcd`, '')
    await open().load()
    expect((await readdir(dir)).sort()).toEqual(['doc.json', 'doc.json.bak'])
  })

  it('writes files readable by the owner only', async () => {
    const { path, open } = await setup()
    await open().save({ items: [] })
    expect((await stat(path)).mode & 0o077).toBe(0)
  })
})
