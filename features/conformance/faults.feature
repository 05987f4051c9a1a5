@conformance @fault
Feature: Faults — whatever DES, the configuration server, DHCP or LLDP do wrong, the phone goes on
  An installer must never face a phone that hangs or gives up without saying why. This is the
  fault matrix: for each service the phone depends on, each way it can fail, what the user sees
  and what the phone does next. Every end is a documented requirement or one of our assumptions.

  DES and the configuration server are reached over the network, so every fault applies to them
  (TLS only to DES and to https configuration servers). DHCP and LLDP are not request and reply
  services; their faults map onto what really happens on a site's network:
    absent               no DHCP server on the network; a switch that sends no LLDP
    name not resolvable  not applicable: DHCP and LLDP use no names (a name DHCP hands out is the
                         configuration server's fault, in its own rows)
    silent               a DHCP answer or LLDP frame that comes after the 30 s search is over
    dropped mid-reply    Avaya's option 43 cut off; an LLDP frame cut off
    hangs up             not applicable: neither keeps a connection open to answer on
    TLS rejected         not applicable: neither uses TLS (nor does a server that speaks only TLS)
    error status         not applicable: DHCP has none for options (a refused lease leaves the phone
                         with no DHCP answer at all, as when it is absent), and LLDP has no replies
    malformed reply      a site-specific option or an LLDP frame the phone cannot read
  More unreadable DHCP options, LLDP frames and settings files are in the bad input feature.

  @req:ASSUME-1 @assumption
  Rule: ASSUME-1 — After Yes, a DES that cannot be contacted leads to the configuration server by hand
    Someone is at the phone, local discovery is off limits after Yes, and the documented dead
    ends of the Yes path (YES-3, CODE-3) already end at manual entry. The screen says whether DES
    could not be reached or answered with an error; the details are in the phone's log.

    Background:
      Given the phone boots for the first time

    Scenario Outline: After Yes, DES <fault>
      Given DES <fault>
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying <notice>
      And the phone never asked DHCP or LLDP for a configuration server

      Examples: network faults
        | fault                              | notice                     |
        | is not on the network              | DES could not be reached   |
        | has a name that cannot be resolved | DES could not be reached   |
        | stays silent                       | DES could not be reached   |
        | drops the connection mid-reply     | DES could not be reached   |
        | hangs up without answering         | DES could not be reached   |
        | rejects the secure connection      | DES could not be reached   |
        | does not speak HTTP                | DES could not be reached   |

      Examples: faulty answers
        | fault                              | notice                     |
        | answers with HTTP status 400       | DES answered with an error |
        | answers with HTTP status 401       | DES answered with an error |
        | answers with HTTP status 403       | DES answered with an error |
        | answers with HTTP status 404       | DES answered with an error |
        | answers with HTTP status 423       | DES answered with an error |
        | answers with HTTP status 500       | DES answered with an error |
        | answers with HTTP status 503       | DES answered with an error |
        | sends a malformed reply            | DES answered with an error |

  @req:ASSUME-3 @assumption
  Rule: ASSUME-3 — On timeout, a DES that cannot be contacted leads to the configuration server by hand
    Nothing automatic is left to try once DHCP, LLDP and DES have all failed.

    Background:
      Given the phone boots for the first time
      And the DHCP server offers no configuration server

    Scenario Outline: On timeout, DES <fault> after the local search found nothing
      Given DES <fault>
      When nobody answers the question for 60 seconds
      Then the phone asks for the configuration server by hand, saying <notice>

      Examples: network faults
        | fault                              | notice                     |
        | is not on the network              | DES could not be reached   |
        | has a name that cannot be resolved | DES could not be reached   |
        | stays silent                       | DES could not be reached   |
        | drops the connection mid-reply     | DES could not be reached   |
        | rejects the secure connection      | DES could not be reached   |
        | does not speak HTTP                | DES could not be reached   |

      Examples: faulty answers
        | fault                              | notice                     |
        | answers with HTTP status 403       | DES answered with an error |
        | answers with HTTP status 500       | DES answered with an error |
        | sends a malformed reply            | DES answered with an error |

  @req:YES-3
  Rule: YES-3 — When the server DES names cannot be contacted, the phone asks for the server by hand

    Background:
      Given the phone boots for the first time
      And DES assigns the phone to the configuration server "https://prov.example.com/j100"

    Scenario Outline: The configuration server DES names <fault>
      Given the configuration server "https://prov.example.com/j100" <fault>
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

      Examples: network faults
        | fault                              |
        | is not on the network              |
        | has a name that cannot be resolved |
        | stays silent                       |
        | drops the connection mid-reply     |
        | rejects the secure connection      |

  @req:ASSUME-27 @assumption
  Rule: ASSUME-27 — A configuration server answering with an error status counts as the server failing
    A server without a settings file for the phone cannot provision it, whatever the reason; the
    phone's log says what to fix, and the next server in a list is tried.

    Scenario Outline: The configuration server DES names <fault>
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" <fault>
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

      Examples: answers that bring no settings file
        | fault                        |
        | answers with HTTP status 404 |
        | answers with HTTP status 403 |
        | answers with HTTP status 500 |
        | answers with HTTP status 503 |
        | does not speak HTTP          |

    Scenario: The first server in the list answers with an error status, the second provisions the phone
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,192.0.2.51"
      And the configuration server "192.0.2.50" answers with HTTP status 500
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order

  @req:ASSUME-22 @assumption
  Rule: ASSUME-22 — A settings file the phone cannot use counts as the server failing
    A file that is not a settings file at all gives the phone nothing to apply.

    Scenario: The configuration server DES names sends a malformed reply
      Given the phone boots for the first time
      And DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" sends a malformed reply
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched
      And the phone has no setting SIPDOMAIN

  @req:ASSUME-11b @assumption
  Rule: ASSUME-11b — After No, a local server that fails leads to the provisioning details by hand
    A server that cannot be reached, or gives nothing usable, is no server found; on No the
    phone asks the installer, and DES stays out of it.

    Background:
      Given the phone boots for the first time
      And the DHCP server offers the site-specific option "HTTPSRVR=prov.example.com"

    @req:NO-1
    Scenario Outline: After No, the server DHCP names <fault>
      Given the configuration server "prov.example.com" <fault>
      When the user answers No
      Then the phone asks for the provisioning details by hand, saying the settings could not be fetched
      And the phone never contacted DES

      Examples: faults of a configuration server
        | fault                              |
        | has a name that cannot be resolved |
        | stays silent                       |
        | drops the connection mid-reply     |
        | answers with HTTP status 500       |
        | sends a malformed reply            |
        | speaks only TLS                    |

  @req:ASSUME-15 @assumption
  Rule: ASSUME-15 — On a later boot, a configuration server that fails leaves the stored settings in use
    The question belongs to the first boot; a provisioned phone that cannot reach its server
    keeps working with what it stored rather than asking again.

    Scenario Outline: On restart the configuration server <fault>
      Given the phone was provisioned from "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" <fault>
      When the phone restarts
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone uses the setting SIPDOMAIN "example.com"
      And the phone asked DES 1 time

      Examples: faults of a configuration server
        | fault                              |
        | has a name that cannot be resolved |
        | stays silent                       |
        | drops the connection mid-reply     |
        | rejects the secure connection      |
        | answers with HTTP status 503       |
        | sends a malformed reply            |

  @req:ASSUME-9b @assumption
  Rule: ASSUME-9b — DHCP and LLDP that stay quiet end the search after 30 seconds
    LLDP can take up to 30 s to arrive; after that the search is over, and an answer that comes
    later changes nothing: the installer may already be typing.

    Scenario: After No, with no DHCP server and no LLDP the phone asks for the provisioning details
      Given there is no DHCP server on the network
      And the switch sends no LLDP at all
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone gave up the search 30 seconds after it began

    Scenario: On timeout, with no DHCP server the phone has no address and cannot reach DES
      Given there is no DHCP server on the network
      And the switch sends no LLDP at all
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone shows that it has no network
      And the phone never contacted DES

    Scenario: With no DHCP server, the server LLDP names waits until the phone has an address
      Given there is no DHCP server on the network
      And the switch announces the file server 192.0.2.60 over LLDP
      When the user answers No
      Then the phone shows that it has no network
      And the phone never contacted the configuration server "192.0.2.60"

    Scenario: A DHCP answer that comes after the search is over changes nothing
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 31 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone never contacted the configuration server "192.0.2.50"

    Scenario: On timeout, an LLDP frame that comes after the search is over changes nothing
      Given the switch announces the file server 192.0.2.60 over LLDP after 31 seconds
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted the configuration server "192.0.2.60"

  @req:ASSUME-25 @assumption
  Rule: ASSUME-25 — A DHCP option the phone cannot read is ignored whole and logged
    Half-reading an option could send the phone to a wrong server, and nobody at the phone can
    correct DHCP data: the phone ignores the option, says why in its log, and carries on.

    Scenario: On timeout, Avaya's option 43 arrives cut off and the phone goes on to DES
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" cut off in the middle of the server name
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted the configuration server "192.0.2.51"

    Scenario: After No, a malformed site-specific option leads to the provisioning details by hand
      Given the DHCP server offers the site-specific option "HTTPSRVR:192.0.2.50"
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone contacted no configuration server

  @req:ASSUME-26 @assumption
  Rule: ASSUME-26 — An LLDP frame the phone cannot read is ignored whole and logged
    Half-read addresses could point the phone at a wrong server; switches repeat their frames,
    so the phone ignores a bad one, says why in its log, and keeps listening.

    Background:
      Given the DHCP server offers no configuration server

    Scenario: On timeout, an LLDP frame cut off in the middle sends the phone on to DES
      Given the switch announces the file server 192.0.2.60 over LLDP in a frame cut off in the middle
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted the configuration server "192.0.2.60"

    Scenario: After No, an LLDP frame listing 0.0.0.0 leads to the provisioning details by hand
      Given the switch announces the file server 0.0.0.0 over LLDP
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone contacted no configuration server
