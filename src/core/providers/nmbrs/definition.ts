/** Nmbrs SOAP API v3: Username (login e-mail) + Token in the SOAP header, plus Domain for most calls. */
import { email, hostName, noSpaces, oneOf, YES_NO } from '../field-shapes'
import type { ProviderDefinition } from '../types'

export const definition: ProviderDefinition = {
  id: 'nmbrs',
  envName: 'NMBRS',
  label: 'Nmbrs (SOAP v3)',
  fields: [
    { name: 'USERNAME', label: 'Username (login e-mail)', secret: false, required: true, maxLength: 254, hint: 'The Nmbrs login e-mail address', check: email },
    { name: 'TOKEN', label: 'API token', secret: true, required: true, maxLength: 256, hint: 'Profile → API Token in Nmbrs', check: noSpaces },
    {
      name: 'DOMAIN',
      label: 'Domain',
      secret: false,
      required: false,
      maxLength: 253,
      // Sources disagree on sub-domain vs full host (dossier §3); both shapes are accepted.
      hint: 'The environment’s sub-domain, e.g. acme for acme.nmbrs.nl',
      check: hostName,
    },
    {
      name: 'USES_DEBTOR_SERVICE',
      label: 'Uses DebtorService',
      secret: false,
      required: false,
      maxLength: 3,
      // An API user template can switch DebtorService off (Nmbrs support: "API User Template").
      hint: 'yes if your integration calls DebtorService: then a template that blocks it is reported; empty or no: only noted',
      check: oneOf(YES_NO),
      choices: YES_NO,
    },
  ],
  environments: [
    { id: 'production', label: 'Production', baseUrl: 'https://api.nmbrs.nl/soap/v3', hosts: ['api.nmbrs.nl'] },
    { id: 'sandbox', label: 'Sandbox', baseUrl: 'https://api-sandbox.nmbrs.nl/soap/v3', hosts: ['api-sandbox.nmbrs.nl'] },
  ],
}
