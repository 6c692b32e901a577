/**
 * Countries and regions as news sites name them in place lists (Devdiscourse's
 * `• Country:` list): short names, the common long forms, and the regions a
 * desk files a story under. Shared vocabulary: a site's rule asks whether a
 * bullet is one of these, so a highlight bullet is never taken for a country.
 */
export const COUNTRIES_AND_REGIONS: readonly string[] = [
  // Countries (UN members and observers), as printed.
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium',
  'Belize', 'Benin', 'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria',
  'Burkina Faso', 'Burundi', 'Cabo Verde', 'Cape Verde', 'Cambodia', 'Cameroon', 'Canada',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo',
  'Democratic Republic of the Congo', 'DR Congo', 'Costa Rica', "Cote d'Ivoire", "Côte d'Ivoire", 'Ivory Coast',
  'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechia', 'Denmark', 'Djibouti', 'Dominica',
  'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini',
  'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada',
  'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India',
  'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya',
  'Kiribati', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya',
  'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta',
  'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico', 'Micronesia', 'Moldova', 'Monaco', 'Mongolia',
  'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal', 'Netherlands', 'New Zealand',
  'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau',
  'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Romania', 'Russia', 'Russian Federation', 'Rwanda', 'Saint Kitts and Nevis', 'St. Kitts and Nevis', 'Saint Lucia', 'St. Lucia', 'St Lucia',
  'Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines', 'Samoa', 'San Marino', 'Sao Tome and Principe', 'Saudi Arabia', 'Senegal',
  'Serbia', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia',
  'South Africa', 'South Korea', 'Korea', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden',
  'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Timor-Leste', 'East Timor', 'Togo',
  'Tonga', 'Trinidad and Tobago', 'Tunisia', 'Turkey', 'Türkiye', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine',
  'United Arab Emirates', 'UAE', 'United Kingdom', 'UK', 'United States', 'US', 'USA', 'Uruguay', 'Uzbekistan',
  'Vanuatu', 'Vatican City', 'Venezuela', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe',
  // Territories and places filed as countries.
  'Gaza', 'West Bank', 'Hong Kong', 'Macau', 'Puerto Rico', 'Greenland', 'Western Sahara', 'Kashmir',
  'England', 'Scotland', 'Wales', 'Northern Ireland',
  // Regions a desk files a story under.
  'Global', 'World', 'Africa', 'Asia', 'Europe', 'Oceania', 'Antarctica', 'Arctic', 'Americas', 'North America',
  'South America', 'Latin America', 'Central America', 'Caribbean', 'Middle East', 'Gulf', 'South Asia',
  'Southeast Asia', 'South East Asia', 'East Asia', 'Central Asia', 'West Asia', 'Asia Pacific', 'Pacific',
  'Eastern Europe', 'Western Europe', 'European Union', 'EU', 'Sub-Saharan Africa', 'North Africa',
  'West Africa', 'East Africa', 'Southern Africa', 'Central Africa', 'Horn of Africa', 'Balkans', 'Nordics',
  'Scandinavia', 'Sahel', 'Indo-Pacific',
];

/** The list as one alternation for a whole-line regular expression (longest first). */
export const COUNTRY_PATTERN = [...COUNTRIES_AND_REGIONS]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
